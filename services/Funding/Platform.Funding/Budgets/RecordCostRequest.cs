using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Budgets;

public sealed record RecordCostRequest([Required] int? Year, [Required] CostCategory? Category, [Required] decimal? Amount, string? Description);
