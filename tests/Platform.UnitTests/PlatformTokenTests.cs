using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.UnitTests;

/// <summary>The identity a caller carries to a service: only the key holder can make one, for one service, for two minutes at most.</summary>
public class PlatformTokenTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("unit-tests-identity-key-0123456789abcdef"));
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Task<ClaimsPrincipal?> ValidateAt(string token, DateTimeOffset at, string audience = "patients", SecurityKey? key = null) =>
        PlatformToken.ValidateAsync(token, key ?? Key, audience, new FixedTime(at));

    [Fact]
    public async Task A_token_validates_for_its_service_until_it_expires()
    {
        var token = PlatformToken.Create("cpts-laval", "cpts-coordinator", "communes:53130", "patients", Now, Key);

        var caller = await ValidateAt(token, Now.AddSeconds(59));
        Assert.NotNull(caller);
        Assert.Equal("cpts-laval", caller.Partner());
        Assert.Equal("cpts-coordinator", caller.Role());
        Assert.True(caller.IsInRole("cpts-coordinator"));
        Assert.Equal("communes:53130", caller.FindFirst("scope")?.Value);
        Assert.Null(await ValidateAt(token, Now.AddSeconds(60) + PlatformToken.ClockSkew + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_token_for_another_service_another_key_or_a_changed_role_does_not_validate()
    {
        var token = PlatformToken.Create("region-pdl", "funder", "region", "funding", Now, Key);
        Assert.NotNull(await ValidateAt(token, Now, "funding"));
        Assert.Null(await ValidateAt(token, Now, "patients"));
        Assert.Null(await ValidateAt(token, Now, "funding", new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-of-the-same-length-0123456789ab"))));

        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("funder", "platform-admin", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.Null(await ValidateAt(forged, Now, "funding"));
    }

    [Theory]
    [InlineData(3650 * 24 * 60)] // the ten-year token once accepted
    [InlineData(3)]
    public async Task A_correctly_signed_token_that_lives_longer_than_two_minutes_is_refused(int minutes)
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformToken.Issuer,
            Audience = "patients",
            Claims = new Dictionary<string, object> { ["sub"] = "cpts-laval", ["role"] = "platform-admin" },
            NotBefore = Now.UtcDateTime,
            Expires = Now.AddMinutes(minutes).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });

        Assert.Null(await ValidateAt(token, Now.AddSeconds(1)));
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = PlatformToken.Issuer,
            Audience = "patients",
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["role"] = "platform-admin" },
            NotBefore = Now.UtcDateTime,
            Expires = Now.AddSeconds(30).UtcDateTime,
        });

        Assert.Null(await ValidateAt(token, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("platform-admin")]
    [InlineData("v1.e30.")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.!!!.???")]
    public async Task Malformed_tokens_are_refused_without_an_exception(string token) =>
        Assert.Null(await ValidateAt(token, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public void A_missing_or_short_key_is_refused_at_start(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(PlatformToken.KeySetting, key)]).Build();
        Assert.Throws<InvalidOperationException>(() => PlatformToken.Key(configuration));
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
