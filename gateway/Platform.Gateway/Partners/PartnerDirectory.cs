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
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        HashKey(key, presented);
        if (Configured(presented) is { } configured)
        {
            partner = configured;
            return true;
        }

        partner = _cache.TryGetValue(Convert.ToHexString(presented), out var cached) && cached.Until > _time.GetUtcNow() ? cached.Partner : null;
        return partner is not null;
    }

    public async ValueTask<(KeyLookup Result, Partner? Partner)> FindAsync(string key)
    {
        var presented = new byte[SHA256.HashSizeInBytes];
        HashKey(key, presented);
        if (Configured(presented) is { } configured)
        {
            return (KeyLookup.Found, configured);
        }

        var hash = Convert.ToHexString(presented);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Partner is null ? (KeyLookup.Unknown, null) : (KeyLookup.Found, cached.Partner);
        }

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
            return cached.Partner is not null ? (KeyLookup.Found, cached.Partner) : (KeyLookup.StoreUnavailable, null); // a stale answer beats none
        }
    }

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
