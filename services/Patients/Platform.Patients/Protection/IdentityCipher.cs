using System.Buffers.Binary;
using System.Collections.Concurrent;
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
    /// <summary>Words of a name (or a query) that are tagged.</summary>
    public const int MaxWords = 16;

    private readonly Dictionary<string, AesGcm> _keys;
    private readonly Aes _index;
    private readonly ICryptoTransform _ecb;
    private readonly Lock _indexLock = new();
    private readonly Lock _aeadLock = new();
    private readonly ConcurrentDictionary<int, long> _tags = new();
    private readonly byte[] _block = new byte[16];
    private readonly byte[] _enciphered = new byte[16];

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
        NextNonce(nonce);
        Span<byte> associated = stackalloc byte[16];
        patientId.TryWriteBytes(associated);
        lock (_aeadLock) // an AesGcm instance keeps one native context: not for two threads at once
        {
            _keys[CurrentKey].Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), associated);
        }

        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    [ThreadStatic]
    private static byte[]? t_random;
    [ThreadStatic]
    private static int t_randomUsed;

    /// <summary>
    /// A fresh random nonce, taken from a per-thread buffer of the system's cryptographic generator refilled 4 KB at a
    /// time (one call to the generator per 341 nonces instead of one per patient; each byte is used once).
    /// </summary>
    private static void NextNonce(Span<byte> nonce)
    {
        if (t_random is null || t_randomUsed + nonce.Length > t_random.Length)
        {
            t_random ??= new byte[4096];
            RandomNumberGenerator.Fill(t_random);
            t_randomUsed = 0;
        }

        t_random.AsSpan(t_randomUsed, nonce.Length).CopyTo(nonce);
        t_randomUsed += nonce.Length;
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
        lock (_aeadLock)
        {
            key.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, associated);
        }

        var identity = PatientIdentity.Deserialize(plain);
        CryptographicOperations.ZeroMemory(plain);
        return identity;
    }

    /// <summary>The NIR's blind index: 16 bytes, one per NIR (a permutation), the same for the same NIR.</summary>
    public byte[] NirIndex(string nir)
    {
        var index = new byte[16];
        NirIndex(nir, index);
        return index;
    }

    /// <summary>The NIR's blind index, written into <paramref name="destination"/> (16 bytes; a bulk import's rows).</summary>
    public void NirIndex(string nir, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(nir);
        lock (_indexLock)
        {
            Array.Clear(_block);
            _block[0] = 0x4E; // 'N': a NIR block never equals a name block
            Encoding.ASCII.GetBytes(nir.AsSpan(0, Math.Min(nir.Length, 15)), _block.AsSpan(1));
            _ecb.TransformBlock(_block, 0, 16, _enciphered, 0);
            _enciphered.CopyTo(destination);
        }
    }

    /// <summary>The name tags of a patient: one per word of both names (its first three letters), at most 16, sorted and distinct.</summary>
    public long[] NameKeys(string? firstName, string? lastName)
    {
        Span<long> tags = stackalloc long[MaxWords];
        var count = 0;
        foreach (var word in Words(firstName).Concat(Words(lastName)).Take(MaxWords))
        {
            tags[count++] = Tag(word);
        }

        tags = tags[..count];
        tags.Sort();
        var distinct = 0;
        for (var i = 0; i < tags.Length; i++)
        {
            if (i == 0 || tags[i] != tags[distinct - 1])
            {
                tags[distinct++] = tags[i];
            }
        }

        return tags[..distinct].ToArray();
    }

    /// <summary>
    /// The tags a patient must have to match a search, one per word of the query (all must be there), or null for a
    /// query without a word. A candidate then matches when <see cref="NameMatches"/> holds on its opened names.
    /// </summary>
    public long[]? SearchKeys(string query)
    {
        var tags = Words(query).Take(MaxWords).Select(Tag).ToArray();
        return tags.Length == 0 ? null : tags;
    }

    /// <summary>
    /// A word's tag: the first 64 bits of its first letters enciphered with the index key. Words are folded to A-Z, so
    /// there are at most 26 + 26² + 26³ tags: each is enciphered once and then remembered.
    /// </summary>
    private long Tag(string word)
    {
        var length = Math.Min(word.Length, TagLetters);
        var packed = length;
        for (var i = 0; i < length; i++)
        {
            packed = (packed << 5) | (word[i] - 'A' + 1);
        }

        if (_tags.TryGetValue(packed, out var tag))
        {
            return tag;
        }

        var block = new byte[16];
        block[0] = 0x57; // 'W'
        block[1] = (byte)length;
        for (var i = 0; i < length; i++)
        {
            block[2 + i] = (byte)word[i];
        }

        Encipher(block);
        tag = BinaryPrimitives.ReadInt64LittleEndian(block);
        _tags.TryAdd(packed, tag);
        return tag;
    }

    /// <summary>Whether each word of the query starts a word of the first or last name (accents and case aside).</summary>
    public static bool NameMatches(string query, string? firstName, string? lastName)
    {
        var names = Words(firstName).Concat(Words(lastName)).ToList();
        return Words(query).All(q => names.Any(n => n.StartsWith(q, StringComparison.Ordinal)));
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
