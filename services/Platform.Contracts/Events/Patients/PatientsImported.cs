namespace Platform.Contracts.Events;

/// <summary>
/// One batch of a bulk import was written (people without a GP, as a CPAM extract lists them). One event per batch,
/// not per person, so a million-row import does not flood the broker; the counts are per commune.
/// </summary>
public sealed record PatientsImported(
    Guid ImportId,
    int Batch,
    IReadOnlyList<CommuneCount> Communes,
    DateTimeOffset ImportedAt) : IIntegrationEvent;
