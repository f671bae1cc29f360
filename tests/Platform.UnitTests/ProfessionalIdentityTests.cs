using System.Security.Claims;
using Platform.Gateway.Partners;

namespace Platform.UnitTests;

/// <summary>Pro Santé Connect identities: an RPPS professional of an admitted profession, nothing else.</summary>
public class ProfessionalIdentityTests
{
    private static ClaimsPrincipal Token(string? nationalId, params string[] subjectRefPro)
    {
        var claims = subjectRefPro.Select(json => new Claim("SubjectRefPro", json, "JSON")).ToList();
        if (nationalId is not null)
        {
            claims.Add(new Claim("SubjectNameID", nationalId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    private const string Physician = """{"codeCivilite":"DR","exercices":[{"codeProfession":"10","codeCategorieProfessionnelle":"C"}]}""";
    private const string Nurse = """{"exercices":[{"codeProfession":"60"}]}""";

    [Fact]
    public void A_physician_with_an_rpps_is_mapped_to_that_rpps()
    {
        Assert.True(ProfessionalIdentity.TryMap(Token("810101234564", Physician), new ProfessionalOptions(), out var rpps, out _));
        Assert.Equal("10101234564", rpps);
    }

    [Theory]
    [InlineData("810101234565", Physician, "RPPS")] // check digit
    [InlineData("010101234564", Physician, "RPPS")] // not an RPPS identifier
    [InlineData(null, Physician, "RPPS")]
    [InlineData("810101234564", Nurse, "60")]
    [InlineData("810101234564", "not json", "none")]
    public void Anything_else_is_refused_with_the_reason(string? nationalId, string subjectRefPro, string named)
    {
        Assert.False(ProfessionalIdentity.TryMap(Token(nationalId, subjectRefPro), new ProfessionalOptions(), out _, out var problem));
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Admitted_professions_are_configured()
    {
        var options = new ProfessionalOptions { Professions = ["10", "60"] };
        Assert.True(ProfessionalIdentity.TryMap(Token("810101234564", Nurse), options, out _, out _));
        Assert.True(ProfessionalIdentity.TryMap(Token("810101234564", $"[{Nurse}]"), options, out _, out _)); // a list of references
    }
}
