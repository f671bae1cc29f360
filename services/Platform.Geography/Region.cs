namespace Platform.Geography;

public sealed record Region(string Code, string Name);
