namespace Platform.ServiceDefaults;

/// <summary>
/// Every text read from a request body: no control character (NUL, ESC, BEL, CR, LF…: they break storage, logs and
/// headers downstream). Registered for every string of every host by <c>AddServiceDefaults</c>; a field documented as
/// multi-line opts into <see cref="MultiLineTextConverter"/>. At most <see cref="Limit"/> characters.
/// </summary>
public sealed class PlainTextConverter() : TextConverter(allowLineBreaks: false, "Text without control characters", Limit)
{
    public const int Limit = 1_000;
}
