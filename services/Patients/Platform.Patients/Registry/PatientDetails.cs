using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.Registry;

/// <summary>What a clerk may set about a patient (everything but the NIR, which never changes).</summary>
public sealed record PatientDetails(
    [Required] string? FirstName,
    [Required] string? LastName,
    [Required] DateOnly? BirthDate,
    Sex? Sex,
    [Required] string? CommuneCode,
    string? Phone,
    string? Email,
    bool HasAld = false,
    bool Precarity = false,
    bool Isolation = false,
    bool NeedsTransport = false);
