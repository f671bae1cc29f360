using System.ComponentModel.DataAnnotations;

namespace Platform.Funding.Funders;

public sealed record CreateFunderRequest([Required] string? Name, [Required] FunderKind? Kind);
