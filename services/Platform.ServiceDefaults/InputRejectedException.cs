using System.Text.Json;

namespace Platform.ServiceDefaults;

/// <summary>
/// A JSON value the input policy refuses (an unknown enum name, a control character in text). Its message is what
/// the partner reads under the field at fault in the problem details.
/// </summary>
public sealed class InputRejectedException : JsonException
{
    /// <summary>The field at fault below the JSON path where it was thrown (an element of a list), when there is one.</summary>
    public string? Field { get; init; }

    public InputRejectedException()
    {
    }

    public InputRejectedException(string message)
        : base(message)
    {
    }

    public InputRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
