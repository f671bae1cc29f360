using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Indemnities;

public sealed record PayoutRequest([Required] DateOnly? PeriodStart, [Required] DateOnly? PeriodEnd);
