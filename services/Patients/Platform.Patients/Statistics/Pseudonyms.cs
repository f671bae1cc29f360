using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Platform.Patients.Statistics;

public sealed class PseudonymOptions
{
    /// <summary>Secret key of the pseudonyms (<c>Patients:Pseudonyms:Key</c>, 32+ characters), from configuration only, never the repository.</summary>
    public string Key { get; set; } = string.Empty;
}

/// <summary>
/// Pseudonyms for other services: HMAC-SHA256 of the patient id under a secret key, so that the same patient always
/// has the same pseudonym but nobody without the key can go back to the id.
/// </summary>
public sealed class Pseudonyms(IOptions<PseudonymOptions> options)
{
    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes(options.Value.Key);

    public string For(Guid patientId) =>
        "P-" + Convert.ToHexString(HMACSHA256.HashData(_key, patientId.ToByteArray()), 0, 8);
}
