using MassTransit;

namespace Platform.Missions.Scheduling;

/// <summary>
/// The lifecycle's endpoint: answers and sends leave only after the saga's transaction has committed (in-memory
/// outbox), so a caller is never told "done" about a transition that was rolled back.
/// </summary>
public sealed class MissionLifecycleDefinition : SagaDefinition<Mission>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<Mission> sagaConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
