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
/// 15 characters: unique, so uniqueness holds in SQL), names by a keyed 64-bit tag of the first three letters of each
/// word (accents and case removed): SQL narrows a search by name to the patients sharing those tags, and the exact
/// match is made on the opened identities (<see cref="NameMatches"/>). Few distinct tags keep the GIN index cheap to
/// fill (a tag per prefix length made a bulk import three times slower) and reveal less than tags of longer prefixes.
/// </summary>
public sealed class IdentityCipher : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    /// <summary>Letters of a word that make its tag (shorter words are tagged whole).</summary>
    public const int TagLetters = 3;

    private readonly Dictionary<string, AesGcm> _keys;
    private readonly Aes _index;
    private readonly ICryptoTransform _ecb;
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
        _index.Mode = CipherMode.ECB;
        _index.Padding = PaddingMode.None;
        _ecb = _index.CreateEncryptor();
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
        var block = new byte[16];
        block[0] = 0x4E; // 'N': a NIR block never equals a name block
        Encoding.ASCII.GetBytes(nir.AsSpan(0, Math.Min(nir.Length, 15)), block.AsSpan(1));
        Encipher(block);
        return block;
    }

    /// <summary>The name tags of a patient: one per word of both names (its first three letters).</summary>
    public long[] NameKeys(string? firstName, string? lastName)
    {
        Span<(int Start, int Length)> words = stackalloc (int, int)[16];
        var letters = new StringBuilder(64);
        var count = CollectWords(firstName, letters, words, 0);
        count = CollectWords(lastName, letters, words, count);
        var blocks = 0;
        for (var w = 0; w < count; w++)
        {
            blocks++;
        }

        if (blocks == 0)
        {
            return [];
        }

        var buffer = new byte[blocks * 16];
        var at = 0;
        for (var w = 0; w < count; w++)
        {
            var (start, length) = words[w];
            WriteBlock(letters, start, Math.Min(length, TagLetters), buffer.AsSpan(at, 16));
            at += 16;
        }

        Encipher(buffer);
        var tags = new long[blocks];
        for (var i = 0; i < blocks; i++)
        {
            tags[i] = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(i * 16));
        }

        Array.Sort(tags);
        var distinct = 0;
        for (var i = 0; i < tags.Length; i++)
        {
            if (i == 0 || tags[i] != tags[distinct - 1])
            {
                tags[distinct++] = tags[i];
            }
        }

        return distinct == tags.Length ? tags : tags[..distinct];
    }

    /// <summary>
    /// The tags a patient must have to match a search, one per word of the query (all must be there), or null for a
    /// query without a word. A candidate then matches when <see cref="NameMatches"/> holds on its opened names.
    /// </summary>
    public long[]? SearchKeys(string query)
    {
        Span<(int Start, int Length)> words = stackalloc (int, int)[16];
        var letters = new StringBuilder(64);
        var count = CollectWords(query, letters, words, 0);
        if (count == 0)
        {
            return null;
        }

        var buffer = new byte[count * 16];
        for (var w = 0; w < count; w++)
        {
            WriteBlock(letters, words[w].Start, Math.Min(words[w].Length, TagLetters), buffer.AsSpan(w * 16, 16));
        }

        Encipher(buffer);
        var tags = new long[count];
        for (var i = 0; i < count; i++)
        {
            tags[i] = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(i * 16));
        }

        return tags;
    }

    /// <summary>Whether each word of the query starts a word of the first or last name (accents and case aside).</summary>
    public static bool NameMatches(string query, string? firstName, string? lastName)
    {
        var names = Words(firstName).Concat(Words(lastName)).ToList();
        return Words(query).All(q => names.Any(n => n.StartsWith(q, StringComparison.Ordinal)));
    }

    /// <summary>Appends the words of <paramref name="name"/> (folded letters) to <paramref name="letters"/>; at most 16 words in all.</summary>
    private static int CollectWords(string? name, StringBuilder letters, Span<(int Start, int Length)> words, int count)
    {
        foreach (var word in Words(name))
        {
            if (count == words.Length)
            {
                break;
            }

            words[count++] = (letters.Length, word.Length);
            letters.Append(word);
        }

        return count;
    }

    private static void WriteBlock(StringBuilder letters, int start, int length, Span<byte> block)
    {
        block.Clear();
        block[0] = 0x57; // 'W'
        block[1] = (byte)length;
        for (var i = 0; i < Math.Min(length, 14); i++)
        {
            block[2 + i] = (byte)letters[start + i];
        }
    }

    /// <summary>Enciphers whole 16-byte blocks in place with the index key (AES-ECB: a keyed permutation of each block).</summary>
    private void Encipher(byte[] blocks)
    {
        lock (_indexLock)
        {
            var output = new byte[blocks.Length];
            _ecb.TransformBlock(blocks, 0, blocks.Length, output, 0);
            output.CopyTo(blocks, 0);
        }
    }

    /// <summary>Upper-case ASCII letters only, accents removed: "Hélène-Marie d'Ô" → HELENE, MARIE, D, O.</summary>
    public static IEnumerable<string> Words(string? name)
    {
        var words = new List<string>(4);
        if (string.IsNullOrWhiteSpace(name))
        {
            return words;
        }

        Span<char> word = stackalloc char[64];
        var length = 0;
        foreach (var c in name)
        {
            if (IsCombiningMark(c))
            {
                continue; // an accent typed as a separate character
            }

            var upper = char.ToUpperInvariant(c);
            if (char.IsAsciiLetterUpper(upper))
            {
                Append(word, ref length, upper);
            }
            else if (upper is 'Æ' or 'Œ' or 'ß')
            {
                Append(word, ref length, upper == 'ß' ? 'S' : upper == 'Æ' ? 'A' : 'O');
                Append(word, ref length, upper == 'ß' ? 'S' : 'E');
            }
            else if (Accented.IndexOf(upper) is var i and >= 0)
            {
                Append(word, ref length, Plain[i]);
            }
            else if (length > 0)
            {
                words.Add(new string(word[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(new string(word[..length]));
        }

        return words;
    }

    private static void Append(Span<char> word, ref int length, char c)
    {
        if (length < word.Length)
        {
            word[length++] = c;
        }
    }

    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    // The hosts run with invariant globalization (no Unicode normalisation tables): accented Latin letters are folded
    // here, those of French and its neighbours.
    private const string Accented = "ÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮİĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠŢŤŦÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽ";
    private const string Plain = "AAAAAAAAACCCCCDDEEEEEEEEEGGGGHHIIIIIIIIIJKLLLLLNNNNOOOOOOOOORRRSSSSTTTUUUUUUUUUUWYYYZZZ";

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _ecb.Dispose();
        _index.Dispose();
    }
}
