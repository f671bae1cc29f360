namespace Platform.Missions.Scheduling;

public sealed record CompleteRequest(int? DaysWorked);
