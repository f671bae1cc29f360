using System.Collections.Concurrent;

namespace Platform.Testing;

/// <summary>
/// What makes the generated identifiers of a test run unique (NIRs, RPPS numbers; communes have their own list): a
/// value drawn twice is drawn again, so that no test's registration collides with another's by chance.
/// </summary>
public static class UniqueValues
{
    private static readonly ConcurrentDictionary<string, byte> s_issued = new(StringComparer.Ordinal);

    /// <summary>Draws until <paramref name="draw"/> gives a value no caller of this run has had (100 tries, then it fails).</summary>
    public static string Next(Func<string> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var value = draw();
            if (s_issued.TryAdd(value, 0))
            {
                return value;
            }
        }

        throw new InvalidOperationException("100 draws in a row gave values already issued in this test run: the generator's space is exhausted.");
    }
}
