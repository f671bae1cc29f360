using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using StackExchange.Redis;

namespace Platform.Gateway.Protection;

/// <summary>Requests per second a partner may make (<c>Gateway:RateLimit:PermitPerSecond</c>; one partner: <c>Gateway:RateLimit:PerPartner:{name}</c>).</summary>
public sealed class RateLimitOptions
{
    public int PermitPerSecond { get; set; } = 200;

    public Dictionary<string, int> PerPartner { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A fixed one-second window per partner, counted in Redis so every gateway replica shares it: the first request of a
/// second creates the counter (expiring after 2 s), each one increments it, and beyond the partner's permit the answer
/// is 429 with <c>Retry-After</c>. When Redis cannot be reached the gateway <b>fails open</b> to a per-replica window
/// (each replica allows the permit on its own): partners keep working during a cache outage, the services stay
/// protected per replica, and the outage is logged — refusing all care traffic because a counter is unavailable would
/// be the worse failure.
/// </summary>
public sealed partial class PartnerRateLimit(IConnectionMultiplexer redis, Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> monitor, TimeProvider time, ILogger<PartnerRateLimit> logger) : IMiddleware
{
    private readonly ConcurrentDictionary<string, (long Second, int Count)> _local = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var partner = context.User.Identity is { IsAuthenticated: true } ? context.User.Identity.Name : null;
        if (partner is null)
        {
            await next(context);
            return;
        }

        var options = monitor.CurrentValue;
        var permit = options.PerPartner.TryGetValue(partner, out var own) ? own : options.PermitPerSecond;
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        long count;
        try
        {
            var key = (RedisKey)$"gateway:rate:{partner}:{second.ToString(CultureInfo.InvariantCulture)}";
            var db = redis.GetDatabase();
            count = await db.StringIncrementAsync(key);
            if (count == 1)
            {
                _ = db.KeyExpireAsync(key, TimeSpan.FromSeconds(2), flags: CommandFlags.FireAndForget);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailOpen(logger, ex);
            count = _local.AddOrUpdate(partner, _ => (second, 1), (_, w) => w.Second == second ? (second, w.Count + 1) : (second, 1)).Count;
        }

        if (count > permit)
        {
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(statusCode: 429, title: "Too many requests for this partner.",
                detail: $"At most {permit} requests a second; try again in a second.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: Redis cannot be reached; counting on this replica only (fail open)")]
    private static partial void LogFailOpen(ILogger logger, Exception ex);
}
