using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.ServiceDefaults.Security;
using StackExchange.Redis;

namespace Platform.Gateway.Partners;

/// <summary>
/// The gateway's own admin routes (role platform-admin): create, list, revoke and rotate partner API keys. Keys are
/// random (256 bits), shown once, stored as SHA-256 in Redis; revocation is announced to every replica at once.
/// </summary>
public static partial class KeyStore
{
    public const string PartnerField = "partner";
    public const string RoleField = "role";
    public const string ScopeField = "scope";
    private const string IdField = "id";
    private const string CreatedField = "created";
    private const string IdsKey = "gateway:key-ids";

    public static RedisKey HashKey(string hash) => $"gateway:key:{hash}";

    private static RedisKey IdKey(string id) => $"gateway:key-id:{id}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex PartnerName();

    public static IEndpointRouteBuilder MapKeyAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/keys").WithTags("Gateway administration").RequireAuthorization(PlatformPolicies.PlatformAdmin);
        group.MapPost("/", CreateAsync).WithName("CreateKey").WithSummary("A new API key for a partner, role and scope (the key is shown once)");
        group.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("Every key: partner, role, where it is kept (never the secret)");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeKey").WithSummary("Revoke a key: refused by every replica within a second");
        group.MapPost("/{id}/rotate", RotateAsync).WithName("RotateKey")
            .WithSummary("A new key for the same partner; the old one is revoked now, or after graceSeconds (up to a day)");
        return app;
    }

    internal static async Task<Results<Created<IssuedKey>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest request, IConnectionMultiplexer redis, PartnerDirectory directory, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Partner is null || !PartnerName().IsMatch(request.Partner))
        {
            errors["partner"] = ["Required: 2 to 60 lower-case letters, digits or dashes (e.g. cpts-laval)."];
        }

        if (request.Role is null || !PlatformRoles.Partners.Contains(request.Role))
        {
            errors["role"] = [$"One of: {string.Join(", ", PlatformRoles.Partners)}."];
        }

        var scope = PartnerScope.None;
        if (request.Role is not null && !errors.ContainsKey("role") && Roles.CheckScope(request.Role, request.Scope, out scope) is { } scopeError)
        {
            errors["scope"] = [scopeError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key cannot be created as asked.");
        }

        return await StoreAsync(redis, directory, request.Partner!, request.Role!, scope.ToString(), time) switch
        {
            { } issued => TypedResults.Created($"/admin/keys/{issued.Id}", issued),
            null => Unavailable(),
        };
    }

    internal static async Task<Results<Ok<List<KeyInfo>>, ProblemHttpResult>> ListAsync(IConnectionMultiplexer redis, IOptionsMonitor<PartnerOptions> options)
    {
        var keys = options.CurrentValue.Partners.Select(p => new KeyInfo($"config:{p.Key}", p.Key, p.Value.Role, p.Value.Scope, "configuration", null, null)).ToList();
        try
        {
            var db = redis.GetDatabase();
            foreach (var id in await db.SetMembersAsync(IdsKey))
            {
                var hash = await db.StringGetAsync(IdKey(id!));
                if (hash.IsNull)
                {
                    await db.SetRemoveAsync(IdsKey, id);
                    continue;
                }

                var fields = await db.HashGetAsync(HashKey(hash!), [PartnerField, RoleField, CreatedField, ScopeField]);
                if (fields[0].IsNull)
                {
                    await db.SetRemoveAsync(IdsKey, id); // expired after a rotation's grace period
                    continue;
                }

                var ttl = await db.KeyTimeToLiveAsync(HashKey(hash!));
                keys.Add(new KeyInfo(id!, fields[0]!, fields[1]!, fields[3].HasValue ? fields[3]! : "", "key store",
                    DateTimeOffset.Parse(fields[2]!, CultureInfo.InvariantCulture), ttl is { } left ? DateTimeOffset.UtcNow + left : null));
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unavailable();
        }

        return TypedResults.Ok(keys.OrderBy(k => k.Partner, StringComparer.Ordinal).ThenBy(k => k.CreatedAt).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, IConnectionMultiplexer redis, PartnerDirectory directory)
    {
        try
        {
            var db = redis.GetDatabase();
            var hash = await db.StringGetDeleteAsync(IdKey(id));
            if (hash.IsNull)
            {
                return TypedResults.Problem(statusCode: 404, title: id.StartsWith("config:", StringComparison.Ordinal)
                    ? "A key from configuration is revoked by removing it from configuration." : "No key has this id.");
            }

            await db.KeyDeleteAsync(HashKey(hash!));
            await db.SetRemoveAsync(IdsKey, id);
            await directory.ForgetEverywhereAsync(hash!);
            return TypedResults.NoContent();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unavailable();
        }
    }

    internal static async Task<Results<Created<IssuedKey>, ValidationProblem, ProblemHttpResult>> RotateAsync(
        string id, RotateKeyRequest? request, IConnectionMultiplexer redis, PartnerDirectory directory, TimeProvider time)
    {
        var grace = request?.GraceSeconds ?? 0;
        if (grace is < 0 or > 86_400)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["graceSeconds"] = ["Between 0 and 86400 (a day)."] });
        }

        try
        {
            var db = redis.GetDatabase();
            var hash = await db.StringGetAsync(IdKey(id));
            var fields = hash.IsNull ? [RedisValue.Null, RedisValue.Null, RedisValue.Null] : await db.HashGetAsync(HashKey(hash!), [PartnerField, RoleField, ScopeField]);
            if (fields[0].IsNull)
            {
                return TypedResults.Problem(statusCode: 404, title: "No key has this id.");
            }

            var issued = await StoreAsync(redis, directory, fields[0]!, fields[1]!, fields[2].HasValue ? fields[2]! : "", time);
            if (issued is null)
            {
                return Unavailable();
            }

            if (grace == 0)
            {
                await db.KeyDeleteAsync(HashKey(hash!));
                await db.KeyDeleteAsync(IdKey(id));
                await db.SetRemoveAsync(IdsKey, id);
            }
            else
            {
                await db.KeyExpireAsync(HashKey(hash!), TimeSpan.FromSeconds(grace));
                await db.KeyExpireAsync(IdKey(id), TimeSpan.FromSeconds(grace));
            }

            await directory.ForgetEverywhereAsync(hash!);
            return TypedResults.Created($"/admin/keys/{issued.Id}", issued);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return Unavailable();
        }
    }

    private static async Task<IssuedKey?> StoreAsync(IConnectionMultiplexer redis, PartnerDirectory directory, string partner, string role, string scope, TimeProvider time)
    {
        var key = "pk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var hash = PartnerDirectory.Hash(key);
        var id = Guid.CreateVersion7().ToString("N")[..16];
        var now = time.GetUtcNow();
        try
        {
            var db = redis.GetDatabase();
            var tx = db.CreateTransaction();
            _ = tx.HashSetAsync(HashKey(hash), [new(IdField, id), new(PartnerField, partner), new(RoleField, role), new(ScopeField, scope), new(CreatedField, now.ToString("O", CultureInfo.InvariantCulture))]);
            _ = tx.StringSetAsync(IdKey(id), hash);
            _ = tx.SetAddAsync(IdsKey, id);
            if (!await tx.ExecuteAsync())
            {
                return null;
            }

            await directory.ForgetEverywhereAsync(hash); // a replica that cached "unknown" for this hash forgets it
            return new IssuedKey(id, partner, role, scope, key, now);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return null;
        }
    }

    private static ProblemHttpResult Unavailable() =>
        TypedResults.Problem(statusCode: 503, title: "The key store (Redis) cannot be reached; try again shortly.");
}
