namespace Platform.Coordination.Geography;

/// <summary>A member commune of an intercommunality.</summary>
public sealed record EpciMember(string Code, string Name, int Population);
