using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.UnitTests;

/// <summary>The identity the gateway signs for the services: only the key holder can make one, and it expires.</summary>
public class PlatformIdentityTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-tests-identity-key-0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signed_identity_verifies_until_it_expires()
    {
        var token = PlatformIdentity.Sign("cpts-laval", "cpts-coordinator", Now, Key);

        Assert.Equal(("cpts-laval", "cpts-coordinator"), PlatformIdentity.Verify(token, Now.AddSeconds(59), Key));
        Assert.Null(PlatformIdentity.Verify(token, Now.AddSeconds(61), Key));
    }

    [Fact]
    public void Another_key_or_a_changed_role_does_not_verify()
    {
        var token = PlatformIdentity.Sign("region-pdl", "funder", Now, Key);
        Assert.Null(PlatformIdentity.Verify(token, Now, Encoding.UTF8.GetBytes("another-key-of-the-same-length-0123456789ab")));

        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("funder", "platform-admin", StringComparison.Ordinal);
        var forged = $"v1.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        Assert.Null(PlatformIdentity.Verify(forged, Now, Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("platform-admin")]
    [InlineData("v1.e30.")]
    [InlineData("v1.!!!.???")]
    [InlineData("v2.e30.AAAA")]
    public void Malformed_tokens_are_refused_without_an_exception(string? token) =>
        Assert.Null(PlatformIdentity.Verify(token, Now, Key));

    [Fact]
    public void A_short_key_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(PlatformIdentity.KeySetting, "too-short")]).Build();
        Assert.Throws<InvalidOperationException>(() => PlatformIdentity.Key(configuration));
    }
}
