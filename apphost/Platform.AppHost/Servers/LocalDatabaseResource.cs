namespace Platform.AppHost.Servers;

/// <summary>
/// One service's database on the local PostgreSQL, created when the server is ready, and owned by the service's own
/// role (<see cref="Role"/>, password a secret parameter): the service connects as that role, which can reach no
/// other database and is no superuser. Its migrations run with it.
/// </summary>
internal sealed class LocalDatabaseResource(string name, LocalPostgresResource parent, ParameterResource password)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public ParameterResource Password { get; } = password;

    /// <summary>The owning role: the database's name without "db" (patientsdb → patients).</summary>
    public string Role => Name.EndsWith("db", StringComparison.Ordinal) ? Name[..^2] : Name;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Parent.Endpoint.Property(EndpointProperty.Port)};Username={Role};Password={Password};Database={Name}");
}
