using Platform.Contracts;
using Platform.Patients.Registry;
using Platform.Testing;

namespace Platform.UnitTests;

public class PatientValidationTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);

    private static RegisterPatientRequest Valid() => new(Nirs.Valid(1948), "Jeanne", "Lemoine", new DateOnly(1948, 3, 15), "53130");

    private static IEnumerable<string> Fields(RegisterPatientRequest r) => PatientValidation.ValidateRegistration(r, s_today).Keys.Order();

    [Fact]
    public void A_complete_request_has_no_error() => Assert.Empty(Fields(Valid() with { Phone = "+33 2 43 00 00 00", Email = "jeanne@example.fr", HasAld = true }));

    [Fact]
    public void Names_every_missing_field() =>
        Assert.Equal(["birthDate", "communeCode", "firstName", "lastName", "nir"], Fields(new RegisterPatientRequest(null, null, " ", null, null)));

    [Fact]
    public void Rejects_a_birth_year_that_the_nir_contradicts() =>
        Assert.Equal(["birthDate"], Fields(Valid() with { BirthDate = new DateOnly(1949, 3, 15) }));

    [Fact]
    public void Rejects_a_birth_month_that_the_nir_contradicts() =>
        Assert.Equal(["birthDate"], Fields(Valid() with { BirthDate = new DateOnly(1948, 4, 15) }));

    [Theory]
    [InlineData(20)]
    [InlineData(42)]
    [InlineData(99)]
    public void A_nir_whose_month_was_unknown_accepts_any_birth_month(int nirMonth) =>
        Assert.Empty(Fields(Valid() with { Nir = Nirs.Valid(1948, month: nirMonth), BirthDate = new DateOnly(1948, 7, 1) }));

    [Fact]
    public void Rejects_a_birth_date_in_the_future() => Assert.Contains("birthDate", Fields(Valid() with { BirthDate = s_today.AddDays(1) }));

    [Fact]
    public void Rejects_a_birth_date_before_1900()
    {
        var request = new RegisterPatientRequest(Nirs.Valid(1899), "Jeanne", "Calment", new DateOnly(1899, 12, 31), "53130");
        Assert.Equal(["birthDate"], Fields(request));
    }

    [Fact]
    public void Rejects_a_sex_the_nir_contradicts()
    {
        var request = Valid();
        var nirSex = request.Nir![0] == '1' ? Sex.Male : Sex.Female;
        Assert.Empty(Fields(request with { Sex = nirSex }));
        Assert.Equal(["sex"], Fields(request with { Sex = nirSex == Sex.Male ? Sex.Female : Sex.Male }));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("02 43 AB 00 00")]
    [InlineData("+33 2 43 00 00 00 00 00 00 00")]
    public void Rejects_a_phone_that_is_not_one(string phone) => Assert.Equal(["phone"], Fields(Valid() with { Phone = phone }));

    [Theory]
    [InlineData("jeanne")]
    [InlineData("jeanne@")]
    [InlineData("Jeanne <jeanne@example.fr>")]
    public void Rejects_an_email_that_is_not_one(string email) => Assert.Equal(["email"], Fields(Valid() with { Email = email }));

    [Theory]
    [InlineData("5313")]
    [InlineData("531300")]
    [InlineData("2C004")]
    [InlineData("53A30")]
    [InlineData("00000")]
    [InlineData("96001")]
    [InlineData("20004")]
    [InlineData("53000")]
    [InlineData("2A000")]
    [InlineData("97700")]
    [InlineData("97100")]
    [InlineData("98735")]
    [InlineData("99134")]
    public void Rejects_a_malformed_commune_code(string code)
    {
        Assert.False(InseeCode.IsValid(code));
        Assert.Equal(["communeCode"], Fields(Valid() with { CommuneCode = code }));
    }

    [Theory]
    [InlineData("53130")]
    [InlineData("2A004")]
    [InlineData("2B033")]
    [InlineData("97411")]
    [InlineData("01001")]
    [InlineData("95690")]
    [InlineData("97611")]
    public void Accepts_insee_codes_including_corsica(string code) => Assert.True(InseeCode.IsValid(code));
}
