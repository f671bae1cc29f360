using Platform.Contracts;
using Platform.Patients.Registry;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>The identifiers tests generate are valid and never issued twice in a run, so no test collides with another by chance.</summary>
public class TestIdentifiersTests
{
    [Fact]
    public void Generated_NIRs_are_valid_and_unique_even_for_one_birth_month()
    {
        var nirs = Enumerable.Range(0, 3_000).AsParallel().Select(_ => Nirs.Valid(1957, month: 7)).ToList();
        Assert.Equal(nirs.Count, nirs.Distinct().Count());
        Assert.All(nirs, nir => Assert.True(Nir.IsValid(nir, out var error), error));
    }

    [Fact]
    public void Generated_RPPS_numbers_are_valid_and_unique()
    {
        var numbers = Enumerable.Range(0, 3_000).AsParallel().Select(_ => RppsNumbers.Valid()).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, rpps => Assert.True(Rpps.IsValid(rpps), rpps));
    }
}
