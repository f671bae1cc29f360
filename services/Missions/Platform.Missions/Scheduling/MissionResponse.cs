namespace Platform.Missions.Scheduling;

public sealed record MissionResponse(Guid Id, MissionKind Kind, string PractitionerRpps, Guid SiteId, DateOnly StartDate, DateOnly EndDate, MissionState State, int? DaysWorked)
{
    public static MissionResponse From(Mission m) => new(m.Id, m.Kind, m.PractitionerRpps, m.SiteId, m.StartDate, m.EndDate, m.State, m.DaysWorked);
}
