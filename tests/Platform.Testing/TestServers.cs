using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against, from the environment that <c>./platform test</c> sets
/// (<c>PLATFORM_POSTGRES</c>, <c>ConnectionStrings__messaging</c>, <c>PLATFORM_RABBIT_MANAGEMENT</c>).
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("PLATFORM_POSTGRES");

    public static Uri Broker => new(Required("ConnectionStrings__messaging"));

    public static Uri RabbitManagement => new(Required("PLATFORM_RABBIT_MANAGEMENT"));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./platform test, which starts the servers and sets it (see README).");

    internal static (string User, string Password) BrokerCredentials()
    {
        var parts = Uri.UnescapeDataString(Broker.UserInfo).Split(':', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : string.Empty);
    }
}

/// <summary>A database that exists for one test class; dropped (forcibly) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name) => Name = name;

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = Name, Pooling = true }.ConnectionString;

    /// <summary>A new empty database (migrations create the schema).</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var db = new TestDatabase($"{prefix}_{Guid.NewGuid():N}"[..40]);
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "postgres" }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{db.Name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return db;
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
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = "postgres" }.ConnectionString);
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

public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds or the timeout passes; returns the last value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
