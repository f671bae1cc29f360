using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults;

/// <summary>
/// Text read from a request body, refused when it holds a control character its field does not allow, or when it is
/// longer than any field of its kind may be (<paramref name="maxLength"/>: a bound for every text, before any field's
/// own, smaller, limit).
/// </summary>
public abstract class TextConverter(bool allowLineBreaks, string rule, int maxLength) : JsonConverter<string>
{
    public int MaxLength => maxLength;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is { Length: var length } && length > maxLength)
        {
            throw new InputRejectedException($"At most {maxLength} characters ({length} given).");
        }

        if (text is not null && TextRules.FirstControl(text, allowLineBreaks) is { } found)
        {
            throw new InputRejectedException($"{rule} ({TextRules.Describe(found)} found).");
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
