using Npgsql;
using Platform.AppHost.Servers;

namespace Platform.AppHost;

/// <summary>
/// <c>servers.env</c> in the data folder: the servers' connection strings for scripts (<c>set -a; . servers.env</c>),
/// under the names the services and tests read, plus libpq's variables so <c>psql</c> needs no arguments.
/// Mode 600: it holds passwords.
/// </summary>
internal static class ServersFile
{
    public static async Task WriteAsync(ServerSet servers, PlatformSettings settings)
    {
        var postgres = await servers.Postgres.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None) ?? "";
        var lines = new List<string>
        {
            $"PLATFORM_POSTGRES='{postgres}'",
            $"ConnectionStrings__messaging='{await servers.Messaging.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None)}'",
            $"ConnectionStrings__cache='{await servers.Cache.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None)}'",
        };
        foreach (var (name, database) in servers.Databases)
        {
            lines.Add($"ConnectionStrings__{name}='{await database.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None)}'");
        }

        if (servers.Messaging.Resource is IResourceWithEndpoints broker && broker.GetEndpoints().FirstOrDefault(e => e.EndpointName == "management") is { } management)
        {
            lines.Add($"PLATFORM_RABBIT_MANAGEMENT='{management.Url}'");
        }

        var pg = new NpgsqlConnectionStringBuilder(postgres);
        lines.AddRange([$"PGHOST='{pg.Host}'", $"PGPORT='{pg.Port}'", $"PGUSER='{pg.Username}'", $"PGPASSWORD='{pg.Password}'", "PGDATABASE='postgres'"]);
        var file = Path.Combine(settings.DataDirectory, "servers.env");
        PrivateFile.Write(file + ".tmp", string.Join('\n', lines) + "\n");
        File.Move(file + ".tmp", file, overwrite: true);
    }
}
