namespace Platform.Funding.Indemnities;

public sealed record PractitionerPayout(string PractitionerRpps, int Lines, decimal Amount);
