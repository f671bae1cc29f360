using Npgsql;

namespace Platform.EndToEndTests;

/// <summary>
/// Least privilege in PostgreSQL, as the AppHost sets it up: each service connects with its own role, which owns its
/// database (and what its migrations created) and nothing else: no superuser, no other service's database.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class DatabaseRoleTests(RunningPlatform platform)
{
    private static readonly string[] s_services = ["patients", "missions", "funding", "coordination"];

    [Fact]
    public async Task Each_service_has_its_own_role_owning_only_its_own_database()
    {
        foreach (var service in s_services)
        {
            var own = await platform.Run.ConnectionStringAsync(service + "db");
            Assert.Equal(service, new NpgsqlConnectionStringBuilder(own).Username);

            await using (var connection = new NpgsqlConnection(own))
            {
                await connection.OpenAsync();
                await using var facts = new NpgsqlCommand("""
                    SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, pg_get_userbyid(d.datdba),
                           (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user)
                    FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()
                    """, connection);
                await using var row = await facts.ExecuteReaderAsync();
                Assert.True(await row.ReadAsync());
                Assert.False(row.GetBoolean(0), $"{service}: superuser");
                Assert.False(row.GetBoolean(1) || row.GetBoolean(2), $"{service}: may create databases or roles");
                Assert.Equal(service, row.GetString(3)); // owner of its database
                Assert.Equal(0L, row.GetInt64(4)); // and of every table in it (migrations ran as the role)
            }

            foreach (var other in s_services.Where(s => s != service))
            {
                var elsewhere = new NpgsqlConnectionStringBuilder(own) { Database = other + "db" }.ConnectionString;
                await using var connection = new NpgsqlConnection(elsewhere);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }
    }
}
