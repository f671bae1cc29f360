namespace Platform.Missions.Sites;

/// <summary>A place where volunteer practitioners consult: a health centre, a maison de santé, an antenna.</summary>
public sealed class Site
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public SiteKind Kind { get; set; }

    /// <summary>INSEE commune code.</summary>
    public required string CommuneCode { get; set; }

    /// <summary>Doctors per week the site can host: 1, or 2 with a "second line".</summary>
    public int LinesPerWeek { get; set; } = 1;

    /// <summary>Whether the site's commune is a red zone (from Coordination's ZoneClassified): solidarity days go only there.</summary>
    public bool IsRedZone { get; set; }

    /// <summary>FINESS number of the establishment, when it has one (9 characters).</summary>
    public string? Finess { get; set; }

    /// <summary>Consultations a doctor can give there in a day.</summary>
    public int? ConsultationsPerDay { get; set; }

    /// <summary>Opening hours, as the site states them (e.g. "Mon-Fri 08:30-19:00, Sat 09:00-12:00").</summary>
    public string? OpeningHours { get; set; }
}
