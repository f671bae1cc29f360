using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Patients.Protection;

/// <summary>
/// Identity encryption at rest. Each patient's identity is one AES-256-GCM ciphertext (random 96-bit nonce, the
/// patient id as associated data: a ciphertext moved to another row does not open), with the id of its key stored
/// beside it. Look-ups go through blind indexes keyed with a separate key: the NIR by a keyed permutation (AES of its
/// 15 characters: unique, so uniqueness holds in SQL), names by keyed 64-bit tags of each word's prefixes (3 to 12
/// letters, accents and case removed), so a search by the start of a name finds the patient without the name in SQL.
/// </summary>
public sealed class IdentityCipher : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int ShortestPrefix = 3;
    public const int LongestPrefix = 12;

    private readonly Dictionary<string, AesGcm> _keys;
    private readonly Aes _index;
    private readonly Lock _indexLock = new();

    public IdentityCipher(IOptions<IdentityProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (o.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        CurrentKey = o.CurrentKey;
        _keys = o.Keys.ToDictionary(k => k.Key, k => new AesGcm(Derive(k.Value), TagSize), StringComparer.Ordinal);
        _index = Aes.Create();
        _index.Key = Derive(o.IndexKey);
    }

    public string CurrentKey { get; }

    private static byte[] Derive(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>The identity enciphered under the current key, bound to the patient's id.</summary>
    public byte[] Seal(Guid patientId, PatientIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var plain = identity.Serialize();
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> associated = stackalloc byte[16];
        patientId.TryWriteBytes(associated);
        _keys[CurrentKey].Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), associated);
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>Opens a ciphertext of this patient; throws when the key is unknown or the data or id do not match.</summary>
    public PatientIdentity Open(Guid patientId, byte[] sealedBytes, string keyId)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"Key '{keyId}' is not configured ({IdentityProtectionOptions.Section}:Keys): a key still used by some row was removed.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[length];
        Span<byte> associated = stackalloc byte[16];
        patientId.TryWriteBytes(associated);
        key.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, associated);
        var identity = PatientIdentity.Deserialize(plain);
        CryptographicOperations.ZeroMemory(plain);
        return identity;
    }

    /// <summary>The NIR's blind index: 16 bytes, one per NIR (a permutation), the same for the same NIR.</summary>
    public byte[] NirIndex(string nir)
    {
        ArgumentNullException.ThrowIfNull(nir);
        Span<byte> block = stackalloc byte[16];
        block.Clear();
        block[0] = 0x4E; // 'N': a NIR block never equals a name block
        Encoding.ASCII.GetBytes(nir.AsSpan(0, Math.Min(nir.Length, 15)), block[1..]);
        lock (_indexLock)
        {
            return _index.EncryptEcb(block, PaddingMode.None);
        }
    }

    /// <summary>The name tags of a patient: every prefix (3 to 12 letters) of every word of both names, and whole short words.</summary>
    public long[] NameKeys(string? firstName, string? lastName)
    {
        var blocks = new List<byte[]>();
        foreach (var word in Words(firstName).Concat(Words(lastName)))
        {
            if (word.Length < ShortestPrefix)
            {
                blocks.Add(Block(word));
                continue;
            }

            for (var length = ShortestPrefix; length <= Math.Min(word.Length, LongestPrefix); length++)
            {
                blocks.Add(Block(word[..length]));
            }
        }

        return Tags(blocks).Distinct().ToArray();
    }

    /// <summary>The tags a search must find, one per word of the query (all must match), or null for a query without a word.</summary>
    public long[]? SearchKeys(string query)
    {
        var words = Words(query).ToList();
        return words.Count == 0 ? null : Tags(words.Select(w => Block(w.Length > LongestPrefix ? w[..LongestPrefix] : w)).ToList()).ToArray();
    }

    /// <summary>Upper-case ASCII letters only, accents removed: "Hélène-Marie d'Ô" → HELENE, MARIE, D, O.</summary>
    public static IEnumerable<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (IsCombiningMark(c))
            {
                continue; // an accent typed as a separate character
            }

            var upper = Fold(char.ToUpperInvariant(c));
            if (upper.Length > 0 && upper.All(char.IsAsciiLetterUpper))
            {
                word.Append(upper);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    // The hosts run with invariant globalization (no Unicode normalisation tables): accented Latin letters are folded
    // here, those of French and its neighbours.
    private const string Accented = "ÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮİĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠŢŤŦÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽ";
    private const string Plain = "AAAAAAAAACCCCCDDEEEEEEEEEGGGGHHIIIIIIIIIJKLLLLLNNNNOOOOOOOOORRRSSSSTTTUUUUUUUUUUWYYYZZZ";

    private static string Fold(char upper) => upper switch
    {
        'Æ' => "AE",
        'Œ' => "OE",
        'ß' => "SS",
        _ when Accented.IndexOf(upper, StringComparison.Ordinal) is var i and >= 0 => Plain[i].ToString(),
        _ => upper.ToString(),
    };

    private static byte[] Block(string prefix)
    {
        var block = new byte[16];
        block[0] = 0x57; // 'W'
        block[1] = (byte)prefix.Length;
        Encoding.ASCII.GetBytes(prefix.AsSpan(0, Math.Min(prefix.Length, 14)), block.AsSpan(2));
        return block;
    }

    /// <summary>Every block enciphered in one call (AES-ECB over the blocks: a keyed permutation of each), first 8 bytes each.</summary>
    private long[] Tags(List<byte[]> blocks)
    {
        if (blocks.Count == 0)
        {
            return [];
        }

        var input = new byte[blocks.Count * 16];
        for (var i = 0; i < blocks.Count; i++)
        {
            blocks[i].CopyTo(input, i * 16);
        }

        byte[] output;
        lock (_indexLock)
        {
            output = _index.EncryptEcb(input, PaddingMode.None);
        }

        var tags = new long[blocks.Count];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = BinaryPrimitives.ReadInt64LittleEndian(output.AsSpan(i * 16));
        }

        return tags;
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _index.Dispose();
    }
}
