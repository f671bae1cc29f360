using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Funding.Indemnities;

public sealed record ReverseRequest([Required][property: JsonConverter(typeof(MultiLineTextConverter))] string? Reason);
