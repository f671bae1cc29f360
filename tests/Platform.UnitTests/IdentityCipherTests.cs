using Microsoft.Extensions.Options;
using Platform.Patients.Protection;

namespace Platform.UnitTests;

/// <summary>The identity cipher: sealed identities open only for their patient and key; blind indexes find names by their start.</summary>
public class IdentityCipherTests
{
    private static IdentityCipher Cipher(string current = "k1") => new(Options.Create(new IdentityProtectionOptions
    {
        Keys = { ["k1"] = new string('a', 32), ["k2"] = new string('b', 32) },
        CurrentKey = current,
        IndexKey = new string('i', 32),
    }));

    [Fact]
    public void A_sealed_identity_opens_for_its_patient_only_and_shows_nothing_in_clear()
    {
        using var cipher = Cipher();
        var id = Guid.CreateVersion7();
        var identity = new PatientIdentity("255081416802538", "Hélène", "Lebrun", new DateOnly(1955, 8, 21), "0243123456", null);

        var sealedBytes = cipher.Seal(id, identity);

        Assert.Equal(identity, cipher.Open(id, sealedBytes, "k1"));
        Assert.DoesNotContain("Lebrun"u8.ToArray(), sealedBytes.Chunk(6).Select(c => c.ToArray()), new BytesComparer());
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(Guid.CreateVersion7(), sealedBytes, "k1")); // another row
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(id, sealedBytes, "k2")); // another key
        sealedBytes[20] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => cipher.Open(id, sealedBytes, "k1")); // tampered
    }

    [Theory]
    [InlineData("zephyrine")]
    [InlineData("ZÉPH")]
    [InlineData("lebrun")]
    [InlineData("quarantotto")]
    [InlineData("Quar Leb")]
    public void A_name_is_found_by_the_start_of_its_words_without_accents_or_case(string query)
    {
        using var cipher = Cipher();
        var keys = cipher.NameKeys("Zéphyrine", "Quarantotto-Lebrun");
        Assert.All(cipher.SearchKeys(query)!, k => Assert.Contains(k, keys)); // a candidate in SQL
        Assert.True(IdentityCipher.NameMatches(query, "Zéphyrine", "Quarantotto-Lebrun")); // and a match once opened
    }

    [Theory]
    [InlineData("tto")]
    [InlineData("zephyrines")]
    [InlineData("Martin")]
    public void Other_names_and_word_middles_are_not_found(string query)
    {
        using var cipher = Cipher();
        var keys = cipher.NameKeys("Zéphyrine", "Quarantotto-Lebrun");
        Assert.False(cipher.SearchKeys(query)!.All(keys.Contains) && IdentityCipher.NameMatches(query, "Zéphyrine", "Quarantotto-Lebrun"));
        Assert.Equal(3, keys.Length); // a tag per word, nothing longer: ZEP, QUA, LEB
    }

    [Fact]
    public void The_nir_index_is_the_same_for_the_same_nir_and_differs_otherwise()
    {
        using var cipher = Cipher();
        Assert.Equal(cipher.NirIndex("255081416802538"), cipher.NirIndex("255081416802538"));
        Assert.NotEqual(cipher.NirIndex("255081416802538"), cipher.NirIndex("255081416802539"));
        Assert.Null(cipher.SearchKeys(" - ' "));
    }

    [Fact]
    public void Blind_indexes_keep_their_values_so_rows_written_by_earlier_versions_are_still_found()
    {
        // Values of the first version (tags enciphered per call): the per-word cache and the bulk paths must not change them.
        using var cipher = Cipher();
        Assert.Equal([1078061579667820932, 4988037123917521262, 6431546129546319714], cipher.NameKeys("Zéphyrine", "Quarantotto-Lebrun"));
        Assert.Equal([7477293543722373565, 4988037123917521262], cipher.SearchKeys("zé quar")!);
        Assert.Equal("81D1873C948459F1B7E31732AA178633", Convert.ToHexString(cipher.NirIndex("255081416802538")));
        Span<byte> index = stackalloc byte[16];
        cipher.NirIndex("255081416802538", index);
        Assert.Equal("81D1873C948459F1B7E31732AA178633", Convert.ToHexString(index));
    }

    [Fact]
    public void Identities_sealed_and_opened_by_many_requests_at_once_all_open()
    {
        // Requests seal and open concurrently (the demo loader registers in parallel): one cipher serves them all.
        using var cipher = Cipher();
        var failures = 0;
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var id = Guid.CreateVersion7();
            var identity = new PatientIdentity("255081416802538", $"Prénom{i}", "Lebrun", new DateOnly(1955, 8, 21), null, null);
            try
            {
                if (cipher.Open(id, cipher.Seal(id, identity), "k1") != identity)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
