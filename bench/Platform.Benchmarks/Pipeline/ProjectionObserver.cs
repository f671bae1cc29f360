using MassTransit;

namespace Platform.Benchmarks.Pipeline;

/// <summary>Tells the tracker when a consumer has finished with a message: after its inbox transaction committed.</summary>
internal sealed class ProjectionObserver(Tracker tracker) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        tracker.ProjectionCommitted(context.MessageId ?? Guid.Empty);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
