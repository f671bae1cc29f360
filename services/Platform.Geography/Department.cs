namespace Platform.Geography;

public sealed record Department(string Code, string Name, string Region);
