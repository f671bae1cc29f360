using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Partners;

public static class PartnerAuthenticationExtensions
{
    /// <summary>
    /// API keys (configuration and Redis key store), the role policies of the routes, and the partner rate limit;
    /// Redis is <c>ConnectionStrings:cache</c>.
    /// </summary>
    public static WebApplicationBuilder AddPartnerAuthentication(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.Configuration.GetConnectionString("cache")
            ?? throw new InvalidOperationException("Connection string 'cache' is missing: set ConnectionStrings__cache (Redis: partner keys and rate limits).");
        var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        redisOptions.AbortOnConnectFail = false; // start, and keep serving, while Redis is down
        redisOptions.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast; // while it is down, fail at once rather than queue
        redisOptions.ConnectTimeout = 2000;
        redisOptions.SyncTimeout = 1000;
        redisOptions.AsyncTimeout = 1000;
        builder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PartnerDirectory>();
        builder.Services.AddOptions<PartnerOptions>().Bind(builder.Configuration.GetSection("Gateway"))
            .Validate(o => o.Partners.All(p => PlatformRoles.Partners.Contains(p.Value.Role) && Roles.CheckScope(p.Value.Role, p.Value.Scope, out _) is null),
                "Gateway:Partners: each partner needs a Role among " + string.Join(", ", PlatformRoles.Partners) + " and a Scope its role may have (see docs/roles.md).")
            .ValidateOnStart();
        builder.Services.Configure<Protection.RateLimitOptions>(builder.Configuration.GetSection("Gateway:RateLimit"));
        builder.Services.AddPartnerSchemes(builder.Configuration);
        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        return builder;
    }
}
