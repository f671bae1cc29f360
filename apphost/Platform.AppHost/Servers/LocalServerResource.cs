namespace Platform.AppHost.Servers;

/// <summary>
/// A server of the OS run as an Aspire executable: its endpoint <c>tcp</c>, its password a secret parameter, and
/// the connection string the services are given (in the form their client reads).
/// </summary>
internal abstract class LocalServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => new(this, "tcp");

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}
