namespace Platform.AppHost.Servers;

/// <summary>The OS's PostgreSQL server (user <c>platform</c>, password a secret parameter).</summary>
internal sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, password)
{
    public const string UserName = "platform";

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
