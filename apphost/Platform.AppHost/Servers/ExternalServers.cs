namespace Platform.AppHost.Servers;

/// <summary>
/// Servers that already run (a developer's own, a shared one): their connection strings come from configuration,
/// <c>ConnectionStrings__postgres</c> (the server, for tools), <c>ConnectionStrings__patientsdb</c>… ,
/// <c>ConnectionStrings__messaging</c> (amqp:// URI) and <c>ConnectionStrings__cache</c>.
/// </summary>
internal static class ExternalServers
{
    public static ServerSet Add(IDistributedApplicationBuilder builder)
    {
        var databases = ServerSet.DatabaseNames.ToDictionary(
            name => name, name => builder.AddConnectionString(name));
        return new ServerSet(builder.AddConnectionString("postgres"), databases,
            builder.AddConnectionString("messaging"), builder.AddConnectionString("cache"));
    }
}
