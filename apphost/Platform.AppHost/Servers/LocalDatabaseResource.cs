namespace Platform.AppHost.Servers;

/// <summary>One service's database on the local PostgreSQL, created when the server is ready.</summary>
internal sealed class LocalDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}
