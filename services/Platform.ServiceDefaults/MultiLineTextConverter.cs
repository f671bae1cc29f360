using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>Multi-line text (notes, comments): line breaks and tabs are allowed, other control characters are not.</summary>
public sealed class MultiLineTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && TextRules.FirstControl(text, allowLineBreaks: true) is { } found)
        {
            throw new InputRejectedException($"Text without control characters other than line breaks ({TextRules.Describe(found)} found).");
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
