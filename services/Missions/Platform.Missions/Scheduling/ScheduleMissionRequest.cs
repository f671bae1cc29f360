using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Scheduling;

public sealed record ScheduleMissionRequest([Required] MissionKind? Kind, [Required] string? PractitionerRpps, [Required] Guid? SiteId, [Required] DateOnly? StartDate, [Required] DateOnly? EndDate);
