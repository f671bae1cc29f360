using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace Platform.Gateway.Protection;

/// <summary>
/// A fixed one-second window per partner, counted in Redis so every gateway replica shares it. A replica does not ask
/// Redis for each request: it reserves a slice of the partner's permit for the current second (<c>INCRBY</c> a
/// twentieth of it, at least one) and spends it locally, asking again when it is used up. The replicas together
/// therefore never let more than the permit through in a second (a slice is only granted from what is left), at the
/// price of leaving at most one unused slice per replica unspent. Beyond the permit the answer is 429 with
/// <c>Retry-After</c>. When Redis cannot be reached the gateway <b>fails open</b> to a per-replica window (each
/// replica allows the permit on its own): partners keep working during a cache outage, the services stay protected
/// per replica, and the outage is logged; refusing all care traffic because a counter is unavailable would be the
/// worse failure.
/// </summary>
/// <remarks>A conventional middleware built once (not an <see cref="IMiddleware"/> resolved for every request).</remarks>
public sealed partial class PartnerRateLimit(RequestDelegate next, IConnectionMultiplexer redis, Microsoft.Extensions.Options.IOptionsMonitor<RateLimitOptions> monitor, TimeProvider time, ILogger<PartnerRateLimit> logger)
{
    /// <summary>What this replica may still let through for a partner in the current second.</summary>
    private sealed class Window
    {
        public long Second;
        public long Left;
        public bool Exhausted; // the whole permit of this second is granted (to this replica or others)
        public long Fallback; // what this replica granted itself while Redis was down
        public Task<long>? Pending; // the slice being reserved
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var partner = context.User.Identity is { IsAuthenticated: true } ? context.User.Identity.Name : null;
        if (partner is null)
        {
            return next(context);
        }

        var admitted = AdmitAsync(partner);
        if (admitted.IsCompletedSuccessfully)
        {
            return admitted.Result ? next(context) : RefuseAsync(context); // the usual case: a permit left in this replica's slice
        }

        return AdmitThenInvokeAsync(context, admitted);
    }

    private async Task AdmitThenInvokeAsync(HttpContext context, ValueTask<bool> admitted)
    {
        if (await admitted)
        {
            await next(context);
        }
        else
        {
            await RefuseAsync(context);
        }
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        await Results.Problem(statusCode: 429, title: "Too many requests for this partner.",
            detail: "The partner's permit for this second is used up; try again in a second.").ExecuteAsync(context);
    }

    private async ValueTask<bool> AdmitAsync(string partner)
    {
        var options = monitor.CurrentValue;
        var permit = options.PerPartner.TryGetValue(partner, out var own) ? own : options.PermitPerSecond;
        var window = _windows.GetOrAdd(partner, _ => new Window());
        while (true)
        {
            var second = time.GetUtcNow().ToUnixTimeSeconds();
            Task<long> refill;
            lock (window)
            {
                if (window.Second != second)
                {
                    window.Second = second;
                    window.Left = 0;
                    window.Exhausted = false;
                    window.Fallback = 0;
                    window.Pending = null;
                }

                if (window.Left > 0)
                {
                    window.Left--;
                    return true;
                }

                if (window.Exhausted)
                {
                    return false;
                }

                // One request asks Redis for the next slice; the others arriving meanwhile wait for the same answer.
                refill = window.Pending ??= ReserveAsync(partner, permit, second, window);
            }

            var granted = await refill;
            lock (window)
            {
                if (window.Second != second)
                {
                    return granted > 0; // the second turned while asking: this request counts in the old one
                }

                if (window.Pending == refill)
                {
                    window.Pending = null;
                    window.Left += granted;
                    window.Exhausted = granted == 0;
                }
            }
        }
    }

    /// <summary>Reserves the next slice of the partner's permit for this second: how many requests this replica may admit.</summary>
    private async Task<long> ReserveAsync(string partner, int permit, long second, Window window)
    {
        var slice = Math.Max(1, permit / 20);
        try
        {
            if (!redis.IsConnected)
            {
                return Alone(); // known down: no need to wait for a command to fail
            }

            var key = (RedisKey)$"gateway:rate:{partner}:{second.ToString(CultureInfo.InvariantCulture)}";
            var db = redis.GetDatabase();
            var total = await db.StringIncrementAsync(key, slice);
            if (total == slice)
            {
                _ = db.KeyExpireAsync(key, TimeSpan.FromSeconds(2), flags: CommandFlags.FireAndForget);
            }

            return Math.Clamp(permit - (total - slice), 0, slice); // only what is left of the permit
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailOpen(logger, ex);
            return Alone();
        }

        long Alone()
        {
            lock (window)
            {
                window.Fallback += slice; // this replica alone, up to the whole permit
                return window.Fallback - slice >= permit ? 0 : Math.Min(slice, permit - (window.Fallback - slice));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit: Redis cannot be reached; counting on this replica only (fail open)")]
    private static partial void LogFailOpen(ILogger logger, Exception ex);
}
