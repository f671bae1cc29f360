using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Platform.Funding.Indemnities;

public sealed record ReverseRequest([Required][property: JsonConverter(typeof(MultiLineTextConverter))] string? Reason);
