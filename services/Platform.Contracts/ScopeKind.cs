namespace Platform.Contracts;

public enum ScopeKind
{
    /// <summary>No scope: a partner without one sees no patient.</summary>
    None,

    /// <summary>The whole region the platform serves (regional teams, the ARS).</summary>
    Region,

    /// <summary>A territory: a list of communes (a CPTS, a town hall, a department's funder).</summary>
    Communes,

    /// <summary>One site (a health centre), by its id in Missions.</summary>
    Site,

    /// <summary>One practitioner, by RPPS: the patients they consulted or who wait for a site where they have a mission.</summary>
    Practitioner,
}
