using System.Globalization;

namespace Platform.Testing;

/// <summary>Builds valid NIRs for tests: 13 characters plus the key 97 − (n mod 97), 2A/2B counted as 19/18.</summary>
public static class Nirs
{
    private static int s_order = Random.Shared.Next(1, 900);

    /// <summary>A NIR for a person born in that year and month, never the same twice in a test run.</summary>
    public static string Valid(int yearOfBirth = 1950, string department = "53", int month = 3) =>
        UniqueValues.Next(() => Draw(yearOfBirth, department, month));

    private static string Draw(int yearOfBirth, string department, int month)
    {
        var order = Interlocked.Increment(ref s_order) % 1000;
        var commune = Random.Shared.Next(1, 999);
        var first13 = string.Create(CultureInfo.InvariantCulture,
            $"{(order % 2) + 1}{yearOfBirth % 100:00}{month:00}{department}{commune:000}{order:000}");
        var numeric = first13.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var key = 97 - (int)(long.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        return first13 + key.ToString("00", CultureInfo.InvariantCulture);
    }
}
