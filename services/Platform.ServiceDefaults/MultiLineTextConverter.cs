namespace Platform.ServiceDefaults;

/// <summary>
/// Multi-line text (notes, comments): line breaks and tabs are allowed, other control characters are not; at most
/// <see cref="Limit"/> characters.
/// </summary>
public sealed class MultiLineTextConverter() : TextConverter(allowLineBreaks: true, "Text without control characters other than line breaks", Limit)
{
    public const int Limit = 10_000;
}
