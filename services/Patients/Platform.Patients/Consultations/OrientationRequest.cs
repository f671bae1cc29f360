using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Patients.Consultations;

public sealed record OrientationRequest([Required] OrientationKind? Kind, [property: JsonConverter(typeof(MultiLineTextConverter))] string? Note);
