using System.ComponentModel.DataAnnotations;

namespace Platform.Missions.Planning;

public sealed record PlanningRequest(IReadOnlyList<string>? Communes, [Required] DateOnly? From, [Required] int? Weeks, [Required] IReadOnlyList<VolunteerAvailability>? Volunteers);
