using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>Text read from a request body, refused when it holds a control character its field does not allow.</summary>
public abstract class TextConverter(bool allowLineBreaks, string rule) : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
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
