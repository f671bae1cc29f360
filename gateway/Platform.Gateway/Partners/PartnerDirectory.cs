using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Gateway.Partners;

/// <summary>
/// Resolves an API key to its partner: first the keys in configuration (<c>Gateway:Partners</c>, hashed), then the
/// keys a platform admin created through the admin routes, kept hashed in Redis (<c>ConnectionStrings:cache</c>) and
/// shared by every gateway replica. A replica caches what Redis said for a few seconds; a created, revoked or rotated
/// key is announced on a Redis channel and every replica drops its cached answer at once, so a revoked key stops
/// working within a second (or <see cref="CacheFor"/> at worst, if the announcement is lost).
/// </summary>
public sealed class PartnerDirectory : IDisposable
{
    public const string Channel = "gateway:keys";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IOptionsMonitor<PartnerOptions> _options;
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly ILogger<PartnerDirectory> _logger;
    private readonly ConcurrentDictionary<string, (Partner? Partner, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public PartnerDirectory(IOptionsMonitor<PartnerOptions> options, IConnectionMultiplexer redis, TimeProvider time, ILogger<PartnerDirectory> logger)
    {
        _options = options;
        _redis = redis;
        _time = time;
        _logger = logger;
        _ = SubscribeAsync();
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The configured partners with their key hashes decoded, rebuilt when the configuration changes.</summary>
    private (PartnerOptions Options, (byte[] Hash, Partner Partner)[] Partners) _configured = (new PartnerOptions(), []);

    private (byte[] Hash, Partner Partner)[] ConfiguredPartners()
    {
        var options = _options.CurrentValue;
        var configured = _configured;
        if (!ReferenceEquals(configured.Options, options))
        {
            configured = (options, options.Partners.Where(p => p.Value.KeyHash.Length == 64)
                .Select(p => (Convert.FromHexString(p.Value.KeyHash), new Partner(p.Key, p.Value.Role, p.Value.Scope, "configuration"))).ToArray());
            _configured = configured;
        }

        return configured.Partners;
    }

    /// <summary>
    /// The partner of a key when this replica knows it without asking Redis: a configured key, or a stored key whose
    /// answer is cached. A stored key seen for the first time, or whose answer expired, needs <see cref="FindAsync"/>.
    /// </summary>
    public bool TryFindKnown(string key, [NotNullWhen(true)] out Partner? partner)
    {
        partner = Local(key).Partner;
        return partner is not null;
    }

    public async ValueTask<(KeyLookup Result, Partner? Partner)> FindAsync(string key)
    {
        var local = Local(key);
        if (local.Answered)
        {
            return local.Partner is null ? (KeyLookup.Unknown, null) : (KeyLookup.Found, local.Partner);
        }

        var hash = local.Hash!;
        var now = _time.GetUtcNow();
        try
        {
            var fields = await _redis.GetDatabase().HashGetAsync(KeyStore.HashKey(hash), [KeyStore.PartnerField, KeyStore.RoleField, KeyStore.ScopeField]);
            var found = fields[0].HasValue && fields[1].HasValue ? new Partner(fields[0]!, fields[1]!, fields[2].HasValue ? fields[2]! : "", "key store") : null;
            _cache[hash] = (found, now + CacheFor);
            return found is null ? (KeyLookup.Unknown, null) : (KeyLookup.Found, found);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogStoreDown(_logger, ex);
            return local.Stale is not null ? (KeyLookup.Found, local.Stale) : (KeyLookup.StoreUnavailable, null); // a stale answer beats none
        }
    }

    /// <summary>
    /// What this replica can say of a key without Redis: a configured partner, or a cached answer still fresh (a partner,
    /// or "unknown"); otherwise the key's hash to ask Redis with, and the expired answer, if any, to fall back on.
    /// </summary>
    private LocalAnswer Local(string key)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        HashKey(key, presented);
        if (Configured(presented) is { } configured)
        {
            return new(true, configured, null, null);
        }

        var hash = Convert.ToHexString(presented);
        return _cache.TryGetValue(hash, out var cached) && cached.Until > _time.GetUtcNow()
            ? new(true, cached.Partner, hash, null)
            : new(false, null, hash, cached.Partner);
    }

    private readonly record struct LocalAnswer(bool Answered, Partner? Partner, string? Hash, Partner? Stale);

    /// <summary>SHA-256 of the key's UTF-8 bytes, without allocating for a key of ordinary length.</summary>
    private static void HashKey(string key, Span<byte> hash)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
    }

    /// <summary>The configured partner whose key hash this is, compared in constant time with each.</summary>
    private Partner? Configured(ReadOnlySpan<byte> presented)
    {
        foreach (var (configuredHash, partner) in ConfiguredPartners())
        {
            if (CryptographicOperations.FixedTimeEquals(presented, configuredHash))
            {
                return partner;
            }
        }

        return null;
    }

    /// <summary>Drops this replica's cached answer for a key hash (and tells the other replicas through Redis).</summary>
    public async Task ForgetEverywhereAsync(string hash)
    {
        _cache.TryRemove(hash, out (Partner?, DateTimeOffset) _);
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), hash);
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Channel), (_, hash) => _cache.TryRemove(hash.ToString(), out (Partner?, DateTimeOffset) _));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogStoreDown(_logger, ex); // the multiplexer resubscribes when Redis comes back; meanwhile the cache expires on its own
        }
    }

    public void Dispose() => _cache.Clear();

    private static readonly Action<ILogger, Exception?> s_storeDown =
        LoggerMessage.Define(LogLevel.Warning, new EventId(1, "KeyStoreDown"), "The partner key store (Redis) cannot be reached");

    private static void LogStoreDown(ILogger logger, Exception ex) => s_storeDown(logger, ex);
}
