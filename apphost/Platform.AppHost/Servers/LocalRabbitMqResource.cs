namespace Platform.AppHost.Servers;

/// <summary>The OS's RabbitMQ (user <c>platform</c>, management plugin on), an amqp:// connection string.</summary>
internal sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, ParameterResource password)
    : LocalServerResource(name, command, workingDirectory, password)
{
    public const string UserName = "platform";

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}/");
}
