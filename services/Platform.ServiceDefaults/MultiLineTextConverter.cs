namespace Microsoft.Extensions.Hosting;

/// <summary>Multi-line text (notes, comments): line breaks and tabs are allowed, other control characters are not.</summary>
public sealed class MultiLineTextConverter() : TextConverter(allowLineBreaks: true, "Text without control characters other than line breaks");
