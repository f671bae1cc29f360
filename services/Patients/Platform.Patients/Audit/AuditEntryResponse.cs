namespace Platform.Patients.Audit;

public sealed record AuditEntryResponse(string Partner, string Role, string Action, string Route, DateTimeOffset At);
