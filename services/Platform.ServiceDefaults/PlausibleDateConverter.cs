using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults;

/// <summary>
/// Every date read from a request body: <c>yyyy-mm-dd</c> within <see cref="TextRules.FirstDate"/> and
/// <see cref="TextRules.LastDate"/> (year 1 or 9999 would overflow the date arithmetic of plannings and histories).
/// Registered for every <see cref="DateOnly"/> of every host by <c>AddServiceDefaults</c>.
/// </summary>
public sealed class PlausibleDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && TextRules.IsPlausible(date))
        {
            return date;
        }

        throw new InputRejectedException(TextRules.DateRule);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
