using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.AppHost;

/// <summary>
/// The partners of a local run: the developer's key (role platform-admin) and one demo partner per role, each key a
/// secret parameter. The gateway is given only their SHA-256; the keys themselves are listed, for scripts, in
/// <c>partner-keys.json</c> of the data folder (role → key, mode 600).
/// </summary>
internal sealed class PartnerKeys
{
    public static readonly string[] Roles = ["platform-admin", "cpts-coordinator", "centre-staff", "practitioner", "funder", "ars-analyst"];

    /// <summary>The communes of the demo territory (the CPTS of Laval, see Platform.DemoData).</summary>
    private const string DemoTerritory = "communes:53130,53054,53201,53034,53119,53140,53247,53103";

    /// <summary>Each demo partner's scope: what part of the territory its key acts on (docs/roles.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> Scopes = new Dictionary<string, string>
    {
        ["platform-admin"] = "region",
        ["cpts-coordinator"] = DemoTerritory,
        ["centre-staff"] = "communes:53130",
        ["practitioner"] = "practitioner:10101234564", // Claire Marchand, a volunteer of the demo data
        ["funder"] = DemoTerritory,
        ["ars-analyst"] = "region",
    };

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private readonly LocalSecrets _secrets;

    public PartnerKeys(LocalSecrets secrets, string dataDirectory)
    {
        _secrets = secrets;
        Developer = secrets.Add("gateway-api-key");
        foreach (var role in Roles)
        {
            secrets.Add($"partner-key-{role}");
        }

        File = Path.Combine(dataDirectory, "partner-keys.json");
        var keys = Roles.ToDictionary(role => role, role => secrets.Value($"partner-key-{role}"));
        PrivateFile.Write(File, JsonSerializer.Serialize(keys, s_indented));
    }

    /// <summary>The developer's key (platform-admin): also what the demo loader calls the gateway with.</summary>
    public IResourceBuilder<ParameterResource> Developer { get; }

    /// <summary>Where the keys are listed.</summary>
    public string File { get; }

    /// <summary>Gateway settings: partner → hash of its key, role and scope.</summary>
    public IEnumerable<(string Partner, string Role, string Scope, string KeyHash)> Partners =>
        Roles.Select(role => ($"demo-{role}", role, Scopes[role], Hash(_secrets.Value($"partner-key-{role}"))))
            .Prepend(("developer", "platform-admin", "region", Hash(_secrets.Value("gateway-api-key"))));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
