namespace Platform.Benchmarks.Pipeline;

/// <summary>One way of carrying an event from a commit to a projection, measured by <see cref="PipelineBenchmark"/>.</summary>
internal interface IPipelinePath : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Creates the databases and queues and starts the consumers, reporting each projection to the tracker.</summary>
    Task StartAsync(Tracker tracker);

    /// <summary>One state change committed with its event (one transaction, as a request makes); returns after commit.</summary>
    Task ProduceOneAsync(CancellationToken cancellationToken);

    /// <summary><paramref name="count"/> state changes with their events, committed in transactions of <paramref name="batch"/>, as an import does.</summary>
    Task ProduceBurstAsync(int count, int batch, CancellationToken cancellationToken);

    /// <summary>Events written but not yet published (the outbox's pending rows; 0 for the bare broker).</summary>
    Task<long> UnsentAsync();

    /// <summary>How many projections the consuming database holds (checked against the tracker at the end).</summary>
    Task<long> ProjectionsInDatabaseAsync();
}
