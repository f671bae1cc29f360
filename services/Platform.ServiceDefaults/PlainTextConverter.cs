using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every text read from a request body: no control character (NUL, ESC, BEL, CR, LF…: they break storage, logs and
/// headers downstream). Registered for every string of every host by <c>AddServiceDefaults</c>; a field documented as
/// multi-line opts into <see cref="MultiLineTextConverter"/>.
/// </summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && TextRules.FirstControl(text, allowLineBreaks: false) is { } found)
        {
            throw new InputRejectedException($"Text without control characters ({TextRules.Describe(found)} found).");
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
