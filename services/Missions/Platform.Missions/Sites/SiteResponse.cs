namespace Platform.Missions.Sites;

public sealed record SiteResponse(Guid Id, string Name, SiteKind Kind, string CommuneCode, int LinesPerWeek, bool IsRedZone,
    string? Finess, int? ConsultationsPerDay, string? OpeningHours)
{
    public static SiteResponse From(Site s) => new(s.Id, s.Name, s.Kind, s.CommuneCode, s.LinesPerWeek, s.IsRedZone, s.Finess, s.ConsultationsPerDay, s.OpeningHours);
}
