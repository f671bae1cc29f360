namespace Platform.Funding.Indemnities;

public sealed record IndemnityLineResponse(long Id, Guid? MissionId, string PractitionerRpps, Guid SiteId, DateOnly DueOn, decimal Amount, string Description, long? ReversesLineId, Guid? PaidInBatch);
