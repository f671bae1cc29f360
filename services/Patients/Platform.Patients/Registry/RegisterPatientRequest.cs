using System.ComponentModel.DataAnnotations;

namespace Platform.Patients.Registry;

public sealed record RegisterPatientRequest(
    [Required] string? Nir,
    [Required] string? FirstName,
    [Required] string? LastName,
    [Required] DateOnly? BirthDate,
    [Required] string? CommuneCode,
    Sex? Sex = null,
    string? Phone = null,
    string? Email = null,
    bool HasAld = false,
    bool Precarity = false,
    bool Isolation = false,
    bool NeedsTransport = false)
{
    [System.Text.Json.Serialization.JsonIgnore] // derived, never part of the request partners send
    public PatientDetails Details => new(FirstName, LastName, BirthDate, Sex, CommuneCode, Phone, Email, HasAld, Precarity, Isolation, NeedsTransport);
}
