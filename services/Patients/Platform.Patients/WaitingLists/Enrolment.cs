using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Patients.WaitingLists;

public static class Enrolment
{
    /// <summary>Puts a patient on a waiting list, and the PatientEnrolled event in the outbox: both saved with the request's changes.</summary>
    public static WaitingListEntry Enrol(this PatientsDbContext db, Guid patientId, string communeCode, string listId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new WaitingListEntry
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            ListId = listId,
            EnrolledAt = at,
            EnrolledDay = DateOnly.FromDateTime(at.UtcDateTime).DayNumber,
        };
        db.WaitingListEntries.Add(entry);
        db.AddIntegrationEvent(new PatientEnrolled(patientId, entry.Id, listId, communeCode, at));
        return entry;
    }
}
