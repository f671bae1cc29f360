namespace Platform.Missions.WaitingLists;

/// <summary>
/// The commune a waiting patient lives in, as of the latest event that said so (an enrolment, a departure from a list,
/// a move): whatever order the events arrive in, the latest wins.
/// </summary>
public sealed class WaitingPatient
{
    public Guid PatientId { get; init; }

    public required string CommuneCode { get; set; }

    public DateTimeOffset CommuneSince { get; set; }
}
