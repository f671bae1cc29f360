using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Platform.Patients.Statistics;

/// <summary>
/// Pseudonyms for other services and partners: <c>P-</c> and 32 hexadecimal digits, the patient id enciphered with
/// AES-256 under a secret key (one block: a keyed permutation). The same patient always has the same pseudonym;
/// without the key nobody can go back to the id, nor make up a pseudonym that Patients would recognise: a pseudonym
/// is verified by deciphering it to an id that exists (<see cref="TryResolve"/>), so a field meant for one never
/// takes free text.
/// </summary>
public sealed class Pseudonyms : IDisposable
{
    public const string Prefix = "P-";
    public const int Length = 34;

    private static readonly System.Buffers.SearchValues<char> s_hex = System.Buffers.SearchValues.Create("0123456789ABCDEF");

    private readonly Aes _aes;

    public Pseudonyms(IOptions<PseudonymOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _aes = Aes.Create();
        _aes.Key = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.Value.Key));
    }

    private readonly Lock _lock = new(); // one Aes instance, used by one thread at a time

    public string For(Guid patientId)
    {
        lock (_lock)
        {
            return Prefix + Convert.ToHexString(_aes.EncryptEcb(patientId.ToByteArray(), PaddingMode.None));
        }
    }

    /// <summary>The patient id a well-formed pseudonym stands for (whether that patient exists is the caller's question).</summary>
    public bool TryResolve(string? pseudonym, [NotNullWhen(true)] out Guid? patientId)
    {
        patientId = null;
        if (pseudonym is not { Length: Length } || !pseudonym.StartsWith(Prefix, StringComparison.Ordinal)
            || pseudonym.AsSpan(Prefix.Length).IndexOfAnyExcept(s_hex) >= 0)
        {
            return false;
        }

        lock (_lock)
        {
            patientId = new Guid(_aes.DecryptEcb(Convert.FromHexString(pseudonym.AsSpan(Prefix.Length)), PaddingMode.None));
        }

        return true;
    }

    public void Dispose() => _aes.Dispose();
}
