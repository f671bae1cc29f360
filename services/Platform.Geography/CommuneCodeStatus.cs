namespace Platform.Geography;

/// <summary>What the reference says of a code a caller gave for a commune.</summary>
public enum CommuneCodeStatus
{
    /// <summary>Not an INSEE commune code at all (length, characters, no such department).</summary>
    Malformed,

    /// <summary>Well formed, but no commune of the regions the platform serves has it.</summary>
    Unknown,

    /// <summary>A commune that merged into another (a commune nouvelle): the code is refused, the successor named.</summary>
    Former,

    /// <summary>A current commune, or a municipal arrondissement of Paris, Lyon or Marseille.</summary>
    Current,
}
