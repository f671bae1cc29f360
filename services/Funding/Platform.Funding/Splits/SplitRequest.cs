using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Splits;

public sealed record SplitRequest([Required] decimal? Total, [Required] IReadOnlyList<CommunePopulation>? Communes, SaveSplitAs? SaveAsYearlyGrants);
