using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.WaitingLists;

public sealed record EnrolRequest([Required] string? Scope, [Required] string? Key);
