using System.ComponentModel.DataAnnotations;

namespace Platform.Coordination.Tasks;

public sealed record AssignRequest([Required] Guid? MemberId);
