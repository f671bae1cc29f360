using System.Security.Claims;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Gateway.Partners;

public static class ProfessionalIdentity
{
    /// <summary>The professional's RPPS when the token names an RPPS professional of an admitted profession; otherwise why not.</summary>
    public static bool TryMap(ClaimsPrincipal principal, ProfessionalOptions options, out string rpps, out string problem)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        rpps = "";
        var identifier = principal.FindFirst(options.IdentifierClaim)?.Value;
        // An RPPS professional's national identifier is "8" followed by the RPPS (ADELI-only identifiers start otherwise).
        if (identifier is not { Length: 12 } || identifier[0] != '8' || !Rpps.IsValid(identifier[1..]))
        {
            problem = $"The token names no RPPS professional ({options.IdentifierClaim}: \"8\" then an RPPS number).";
            return false;
        }

        var professions = Professions(principal.FindAll(options.ProfessionClaim).Select(c => c.Value)).ToList();
        if (!professions.Any(options.Professions.Contains))
        {
            problem = $"The professional's professions ({string.Join(", ", professions.DefaultIfEmpty("none"))}) are not admitted (Gateway:Jwt:Professionals:Professions).";
            return false;
        }

        rpps = identifier[1..];
        problem = "";
        return true;
    }

    /// <summary>The <c>codeProfession</c> of each exercise in the claim's JSON (an object with <c>exercices</c>, or a list of such objects).</summary>
    private static IEnumerable<string> Professions(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(value);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                var references = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
                foreach (var reference in references)
                {
                    if (reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("exercices", out var exercises) && exercises.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var exercise in exercises.EnumerateArray())
                        {
                            if (exercise.ValueKind == JsonValueKind.Object && exercise.TryGetProperty("codeProfession", out var code) && code.ValueKind == JsonValueKind.String)
                            {
                                yield return code.GetString()!;
                            }
                        }
                    }
                }
            }
        }
    }
}
