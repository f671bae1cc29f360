using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against: the AppHost's own servers (<c>Platform:Only=servers</c>),
/// started once per test process on free ports with a data folder of their own, and stopped when the process ends.
/// A developer may point the tests at servers of their own instead, with <c>PLATFORM_POSTGRES</c> (the server's
/// connection string, no database), <c>ConnectionStrings__messaging</c> and <c>PLATFORM_RABBIT_MANAGEMENT</c>.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<(string Postgres, Uri Broker, Uri Management)> s_servers = new(Start);

    public static string Postgres => s_servers.Value.Postgres;

    public static Uri Broker => s_servers.Value.Broker;

    public static Uri RabbitManagement => s_servers.Value.Management;

    private static (string, Uri, Uri) Start()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM_POSTGRES") is { Length: > 0 } postgres
            && Environment.GetEnvironmentVariable("ConnectionStrings__messaging") is { Length: > 0 } broker
            && Environment.GetEnvironmentVariable("PLATFORM_RABBIT_MANAGEMENT") is { Length: > 0 } management)
        {
            return (postgres, new Uri(broker), new Uri(management));
        }

        // Off the test's synchronization context: this runs inside a property getter.
        return Task.Run(async () =>
        {
            var run = await PlatformRun.StartAsync(new Dictionary<string, string> { ["Only"] = "servers" }, ["postgres", "messaging", "cache"]);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => run.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (await run.ConnectionStringAsync("postgres"), new Uri(await run.ConnectionStringAsync("messaging")),
                run.Endpoint("messaging", "management"));
        }).GetAwaiter().GetResult();
    }

    internal static (string User, string Password) BrokerCredentials()
    {
        var parts = Uri.UnescapeDataString(Broker.UserInfo).Split(':', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : string.Empty);
    }
}

/// <summary>
/// A database that exists for one test class, dropped (forcibly) on dispose; or, through <see cref="Existing"/>, a
/// database of a running service, read by a test and left alone.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _owned;

    private TestDatabase(string server, string name, bool owned)
    {
        _server = server;
        Name = name;
        _owned = owned;
    }

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name, Pooling = true }.ConnectionString;

    /// <summary>A new empty database (migrations create the schema), on <paramref name="server"/> or the test servers.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix, string? server = null)
    {
        var db = new TestDatabase(server ?? TestServers.Postgres, $"{prefix}_{Guid.NewGuid():N}"[..40], owned: true);
        await using var conn = new NpgsqlConnection(db.Maintenance);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{db.Name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return db;
    }

    /// <summary>A database that a service owns (its connection string as the AppHost gives it).</summary>
    public static TestDatabase Existing(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        builder.Database = null;
        return new TestDatabase(builder.ConnectionString, name, owned: false);
    }

    private string Maintenance => new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString;

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owned)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Maintenance);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A RabbitMQ virtual host for one test class, so exchanges and queues of parallel tests never meet.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private TestVirtualHost(string name) => Name = name;

    public string Name { get; }

    /// <summary>The amqp:// URI of this virtual host (what <c>ConnectionStrings__messaging</c> takes).</summary>
    public Uri Uri => new UriBuilder(TestServers.Broker) { Path = "/" + Uri.EscapeDataString(Name) }.Uri;

    public static async Task<TestVirtualHost> CreateAsync(string prefix)
    {
        var vhost = new TestVirtualHost($"{prefix}-{Guid.NewGuid():N}");
        using var http = Management();
        (await http.PutAsync($"api/vhosts/{vhost.Name}", null)).EnsureSuccessStatusCode();
        var (user, _) = TestServers.BrokerCredentials();
        (await http.PutAsJsonAsync($"api/permissions/{vhost.Name}/{user}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return vhost;
    }

    /// <summary>Messages ready in a queue of this virtual host (0 when the queue does not exist yet).</summary>
    public async Task<int> QueueDepthAsync(string queue)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = Uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (int)(await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Puts raw bytes on a queue, as a misbehaving publisher would.</summary>
    public async Task SendRawAsync(string queue, byte[] body, string contentType, string messageId)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = Uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new RabbitMQ.Client.BasicProperties { ContentType = contentType, MessageId = messageId, Persistent = true };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        using var http = Management();
        await http.DeleteAsync($"api/vhosts/{Name}");
    }

    private static HttpClient Management()
    {
        var (user, password) = TestServers.BrokerCredentials();
        var http = new HttpClient { BaseAddress = TestServers.RabbitManagement, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }
}

/// <summary>
/// Waits for something the system does in its own time (a consumer, a projection, a page). A wait that is not met
/// fails the test, naming the condition and the last value seen: it never returns as if it had been met.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> every 100 ms until <paramref name="done"/> holds, and returns that value; when the
    /// timeout (20 s by default) passes first, throws <see cref="WaitNotMetException"/>.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(done))] string condition = "")
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new WaitNotMetException(condition, limit, value);
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A wait whose condition did not hold in time: the condition, the time waited and the last value seen.</summary>
public sealed class WaitNotMetException(string condition, TimeSpan waited, object? lastValue)
    : Xunit.Sdk.XunitException($"Waited {waited.TotalSeconds:0.#} s for {condition}; the last value seen was {Describe(lastValue)}.")
{
    public object? LastValue { get; } = lastValue;

    private static string Describe(object? value) => value switch
    {
        null => "null",
        System.Text.Json.JsonElement json => Shorten(json.GetRawText()),
        System.Text.Json.Nodes.JsonNode node => Shorten(node.ToJsonString()),
        string text => $"\"{Shorten(text)}\"",
        _ => Shorten(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
