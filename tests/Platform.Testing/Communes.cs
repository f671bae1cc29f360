using System.Collections.Concurrent;

namespace Platform.Testing;

/// <summary>
/// INSEE commune codes for tests: well formed (a department of metropolitan France, a commune number from 001), and
/// never the same twice in a test run, so that a test's counts are its own.
/// </summary>
public static class Communes
{
    private static readonly ConcurrentDictionary<string, byte> s_issued = new();

    public static string Unique()
    {
        while (true)
        {
            var department = Random.Shared.Next(1, 95); // 01 to 94, then 20 (Corsica is 2A/2B) moves to 95
            var code = $"{(department == 20 ? 95 : department):00}{Random.Shared.Next(1, 1000):000}";
            if (s_issued.TryAdd(code, 0))
            {
                return code;
            }
        }
    }
}
