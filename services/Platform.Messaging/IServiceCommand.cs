namespace Platform.Messaging;

/// <summary>A maintenance command of a service: <c>dotnet Platform.X.dll {Name}</c> runs it and exits.</summary>
public interface IServiceCommand
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
