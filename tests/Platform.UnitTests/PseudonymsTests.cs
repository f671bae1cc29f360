using Microsoft.Extensions.Options;
using Platform.Patients.Statistics;

namespace Platform.UnitTests;

/// <summary>Pseudonyms: stable per patient, reversible only with the key, and only well-formed ones resolve.</summary>
public class PseudonymsTests
{
    private static Pseudonyms With(string key) => new(Options.Create(new PseudonymOptions { Key = key }));

    [Fact]
    public void A_pseudonym_is_stable_hides_the_id_and_resolves_back_with_the_key()
    {
        using var pseudonyms = With("unit-tests-pseudonym-key-0123456789abcdef");
        var id = Guid.CreateVersion7();

        var pseudonym = pseudonyms.For(id);

        Assert.Matches("^P-[0-9A-F]{32}$", pseudonym);
        Assert.Equal(pseudonym, pseudonyms.For(id));
        Assert.NotEqual(pseudonym, pseudonyms.For(Guid.CreateVersion7()));
        Assert.DoesNotContain(id.ToString("N")[..8], pseudonym, StringComparison.OrdinalIgnoreCase);
        Assert.True(pseudonyms.TryResolve(pseudonym, out var resolved));
        Assert.Equal(id, resolved);

        using var otherKey = With("another-pseudonym-key-of-32-chars-0123456789");
        Assert.True(otherKey.TryResolve(pseudonym, out var elsewhere));
        Assert.NotEqual(id, elsewhere); // another key reads another id: the existence check then refuses it
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Jeanne Dupont")]
    [InlineData("155035313000123")]
    [InlineData("P-0123456789abcdef0123456789abcdef")] // lower case
    [InlineData("P-0123456789ABCDEF0123456789ABCDE")] // one digit short
    [InlineData("X-0123456789ABCDEF0123456789ABCDEF")]
    public void Anything_but_a_well_formed_pseudonym_does_not_resolve(string? value)
    {
        using var pseudonyms = With("unit-tests-pseudonym-key-0123456789abcdef");
        Assert.False(pseudonyms.TryResolve(value, out _));
    }
}
