using Platform.Patients.Registry;
using Platform.Testing;

namespace Platform.UnitTests;

public class NirTests
{
    [Theory]
    [InlineData("185057800608491")] // the INSEE documentation's example
    [InlineData("269054958815780")]
    public void Accepts_a_nir_whose_key_matches(string nir) => Assert.True(Nir.IsValid(nir, out _));

    [Fact]
    public void Computes_the_key_as_97_minus_the_remainder()
    {
        Assert.Equal(91, Nir.ComputeKey("1850578006084"));
        Assert.Equal(97 - (int)(1850578006084L % 97), Nir.ComputeKey("1850578006084"));
    }

    [Theory]
    [InlineData("2A", "19")]
    [InlineData("2B", "18")]
    public void Counts_corsican_departments_as_19_and_18_for_the_key(string department, string numeric)
    {
        var first13 = $"16503{department}004012";
        var expected = 97 - (int)(long.Parse(first13.Replace(department, numeric)) % 97);
        Assert.Equal(expected, Nir.ComputeKey(first13));
        Assert.True(Nir.IsValid(first13 + expected.ToString("00"), out var error), error);
    }

    [Theory]
    [InlineData("185057800608492", "key")]            // wrong key
    [InlineData("18505780060849", "15 characters")]   // too short
    [InlineData("1850578006084911", "15 characters")] // too long
    [InlineData("18505780060A491", "digits only")]    // a letter outside 2A/2B
    [InlineData("185052C00608491", "2A/2B")]          // 2C is not a department
    [InlineData("585057800608491", "starts with")]    // no such first digit
    [InlineData("185007800608491", "month")]          // month 00
    public void Rejects_an_invalid_nir_and_says_why(string nir, string reason)
    {
        Assert.False(Nir.IsValid(nir, out var error));
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Normalizes_spaces_and_case() => Assert.Equal("12A04004012345", Nir.Normalize(" 1 2a 04 004 012 345"));

    [Fact]
    public void Accepts_every_generated_test_nir()
    {
        for (var i = 0; i < 200; i++)
        {
            var nir = Nirs.Valid(1930 + (i % 90), i % 3 == 0 ? "2A" : i % 3 == 1 ? "2B" : "53");
            Assert.True(Nir.IsValid(nir, out var error), $"{nir}: {error}");
        }
    }
}
