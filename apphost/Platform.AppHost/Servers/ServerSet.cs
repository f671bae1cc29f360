namespace Platform.AppHost.Servers;

/// <summary>
/// The servers of a run, whatever their mode: the same resource and connection-string names everywhere
/// (<c>postgres</c>, the four databases, <c>messaging</c>, <c>cache</c>), so no service's configuration changes.
/// </summary>
internal sealed record ServerSet(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResourceWithConnectionString> Cache)
{
    /// <summary>One database per service, named after it (the connection string <c>ConnectionStrings__{service}db</c>).</summary>
    public static readonly string[] DatabaseNames = ["patientsdb", "missionsdb", "fundingdb", "coordinationdb"];

    public IResourceBuilder<IResourceWithConnectionString> Database(string service) => Databases[service + "db"];
}
