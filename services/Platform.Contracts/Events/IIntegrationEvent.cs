namespace Platform.Contracts.Events;

/// <summary>Marker for every event a service publishes for the others (through its outbox).</summary>
public interface IIntegrationEvent;
