using System.Globalization;

namespace Microsoft.Extensions.Hosting;

/// <summary>What the input policy calls a control character: C0 (U+0000 to U+001F), DEL and C1 (U+007F to U+009F).</summary>
public static class TextRules
{
    public static char? FirstControl(string text, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return c;
            }
        }

        return null;
    }

    public static string Describe(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
