namespace Platform.Messaging;

/// <summary>Work that must follow the migrations before the service serves (moving data the schema change left behind).</summary>
public interface IPostMigrationStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
