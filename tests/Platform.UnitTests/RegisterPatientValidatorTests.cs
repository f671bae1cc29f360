using Platform.Contracts;
using Platform.Patients.Registry;
using Platform.Testing;

namespace Platform.UnitTests;

public class RegisterPatientValidatorTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);

    private static RegisterPatientRequest Valid() => new(Nirs.Valid(1948), "Jeanne", "Lemoine", new DateOnly(1948, 3, 15), "53130");

    [Fact]
    public void A_complete_request_has_no_error() => Assert.Empty(RegisterPatientValidator.Validate(Valid(), s_today));

    [Fact]
    public void Names_every_missing_field()
    {
        var errors = RegisterPatientValidator.Validate(new RegisterPatientRequest(null, null, " ", null, null), s_today);
        Assert.Equal(["birthDate", "communeCode", "firstName", "lastName", "nir"], errors.Keys.Order());
    }

    [Fact]
    public void Rejects_a_birth_year_that_the_nir_contradicts()
    {
        var errors = RegisterPatientValidator.Validate(Valid() with { BirthDate = new DateOnly(1949, 3, 15) }, s_today);
        Assert.Equal(["birthDate"], errors.Keys);
    }

    [Fact]
    public void Rejects_a_birth_date_in_the_future()
    {
        var errors = RegisterPatientValidator.Validate(Valid() with { BirthDate = s_today.AddDays(1) }, s_today);
        Assert.Contains("birthDate", errors.Keys);
    }

    [Theory]
    [InlineData("5313")]
    [InlineData("531300")]
    [InlineData("2C004")]
    [InlineData("53A30")]
    public void Rejects_a_malformed_commune_code(string code)
    {
        Assert.False(InseeCode.IsValid(code));
        Assert.Equal(["communeCode"], RegisterPatientValidator.Validate(Valid() with { CommuneCode = code }, s_today).Keys);
    }

    [Theory]
    [InlineData("53130")]
    [InlineData("2A004")]
    [InlineData("2B033")]
    [InlineData("97411")]
    public void Accepts_insee_codes_including_corsica(string code) => Assert.True(InseeCode.IsValid(code));
}
