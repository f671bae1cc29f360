namespace Platform.Benchmarks.Pipeline;

/// <summary>The state change the benchmark's producer commits: a waiting-list enrolment, as Patients records one.</summary>
internal sealed class Enrolment
{
    public Guid Id { get; init; }

    public Guid PatientId { get; init; }

    public required string WaitingList { get; init; }

    public required string CommuneCode { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }
}
