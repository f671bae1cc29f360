namespace Platform.Funding.Budgets;

public sealed record BreakEven(int CentresNeeded, decimal NetworkFixedCosts, decimal MarginPerCentre, string Model);
