using System.Security.Claims;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Gateway.Partners;

/// <summary>
/// Health professionals signed in with Pro Santé Connect (<c>Gateway:Jwt:Professionals</c>). Their tokens name a
/// person, not a platform role: the national identifier (<c>SubjectNameID</c>: "8" then the 11-digit RPPS) and the
/// professions they exercise (<c>SubjectRefPro</c>: <c>exercices[].codeProfession</c>, 10 for a physician). A
/// professional of an admitted profession becomes the partner <c>rpps:&lt;RPPS&gt;</c>, role <c>practitioner</c>, scope
/// <c>practitioner:&lt;RPPS&gt;</c>: the patients they consulted or who wait for a site of their missions (docs/roles.md).
/// </summary>
public sealed class ProfessionalOptions
{
    public bool Enabled { get; set; }

    public string IdentifierClaim { get; set; } = "SubjectNameID";

    public string ProfessionClaim { get; set; } = "SubjectRefPro";

    /// <summary>Profession codes admitted (the RPPS nomenclature: 10 physician, 21 pharmacist, 40 dental surgeon, 50 midwife, 60 nurse).</summary>
    public List<string> Professions { get; set; } = ["10"];
}

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
