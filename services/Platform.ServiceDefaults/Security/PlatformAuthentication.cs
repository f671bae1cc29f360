using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// A service's side of the platform identity: every request must carry a <see cref="PlatformToken"/> for this service
/// (<c>Authorization: Bearer</c>), checked by ASP.NET Core's JWT bearer handler; each route states its policy
/// (<see cref="PlatformPolicies"/>), and a route that states none still needs an authenticated caller (fallback
/// policy). Health, liveness and the OpenAPI document are the only anonymous routes.
/// </summary>
public static class PlatformAuthentication
{
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder, string audience) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The key is read when the host starts serving (a missing one stops it then, with a clear message), not when
        // it is built: the `migrate` command runs without it.
        builder.Services.AddOptions<IdentityKeyOptions>().BindConfiguration("Platform:Identity")
            .Validate(o => o.Key is { Length: >= PlatformToken.MinimumKeyLength },
                $"{PlatformToken.KeySetting} must be set ({PlatformToken.MinimumKeyLength}+ characters, a secret from configuration): callers' identities are signed and checked with it.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider, IConfiguration>((o, time, configuration) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = PlatformToken.ValidationParameters(PlatformToken.Key(configuration), audience, time);
            o.Events = new JwtBearerEvents { OnChallenge = WriteChallengeAsync };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPlatformPolicies()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton(sp => new ServiceIdentity(audience,
            new PlatformTokenCache(PlatformToken.Key(sp.GetRequiredService<IConfiguration>()), sp.GetRequiredService<TimeProvider>())));
        return builder;
    }

    private sealed class IdentityKeyOptions
    {
        public string? Key { get; set; }
    }

    public static WebApplication UsePlatformAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>A 401 that says what is missing, as problem details (gRPC calls get their bare 401: <c>Unauthenticated</c>).</summary>
    private static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            return;
        }

        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: "This service answers requests from the gateway and the platform's services only.",
            detail: context.AuthenticateFailure is null
                ? "No platform identity: call the platform through its gateway with a partner credential."
                : "The platform identity is not valid for this service (signature, audience or expiry).").ExecuteAsync(context.HttpContext);
    }
}
