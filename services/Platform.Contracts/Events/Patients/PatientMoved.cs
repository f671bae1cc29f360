namespace Platform.Contracts.Events;

/// <summary>A registered patient moved to another commune (Coordination moves them between its commune counts).</summary>
public sealed record PatientMoved(
    Guid PatientId,
    string FromCommuneCode,
    string ToCommuneCode,
    bool HasReferringGp,
    DateTimeOffset MovedAt) : IIntegrationEvent;
