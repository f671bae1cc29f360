using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults;

/// <summary>
/// Enums in the API by their names only: <c>"Retired"</c> is read, <c>999</c>, <c>"999"</c> or an unknown name are
/// refused with the list of names (a number would be stored, then poison the consumers of the event that carries it).
/// Names are read case-insensitively and written as declared.
/// </summary>
public sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly string s_allowed = EnumNames.Rule(typeof(TEnum));

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && EnumNames.TryParse<TEnum>(reader.GetString(), out var value))
        {
            return value;
        }

        throw new InputRejectedException(s_allowed);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
