namespace Platform.Patients.Referents;

public sealed record ReferentResponse(Guid Id, ReferentKind Kind, string? Rpps, Guid? SiteId, string DisplayName, DateTimeOffset AssignedAt, DateTimeOffset? EndedAt)
{
    public static ReferentResponse From(ReferentAssignment a) => new(a.Id, a.Kind, a.Rpps, a.SiteId, a.DisplayName, a.AssignedAt, a.EndedAt);
}
