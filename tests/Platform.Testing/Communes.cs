using System.Collections.Concurrent;
using Platform.Geography;

namespace Platform.Testing;

/// <summary>
/// Real communes for tests (the services refuse a code the official geography does not know), never the same twice in
/// a test run, so that a test's counts are its own: the current communes of the reference, shuffled once per run, are
/// handed out in turn, and an intercommunality is handed out with all its communes (none given before, none after).
/// A run that needs more than the reference holds fails loudly rather than repeating one.
/// </summary>
public static class Communes
{
    private static readonly Commune[] s_shuffled = Shuffled();
    private static readonly ConcurrentDictionary<string, byte> s_taken = new(StringComparer.Ordinal);
    private static int s_next = -1;
    private static int s_nextEpci = -1;

    /// <summary>The code of a commune no other caller in this run has been given.</summary>
    public static string Unique() => UniqueCommune().Code;

    /// <summary>A commune (code, name, population...) no other caller in this run has been given.</summary>
    public static Commune UniqueCommune()
    {
        while (true)
        {
            var next = Interlocked.Increment(ref s_next);
            if (next >= s_shuffled.Length)
            {
                throw new InvalidOperationException($"The {s_shuffled.Length} communes of the reference are all taken in this test run.");
            }

            if (s_taken.TryAdd(s_shuffled[next].Code, 0))
            {
                return s_shuffled[next];
            }
        }
    }

    /// <summary>An intercommunality of at most <paramref name="maxMembers"/> communes, none of which any caller has been given.</summary>
    public static Epci UniqueEpci(int maxMembers = 40)
    {
        var epcis = FranceGeography.Official.Epcis;
        while (true)
        {
            // A stride prime to the count visits every EPCI once, in an order that differs from the shuffled communes'.
            var next = Interlocked.Increment(ref s_nextEpci);
            if (next >= epcis.Count)
            {
                throw new InvalidOperationException("No intercommunality is left whose communes are all untaken in this test run.");
            }

            var epci = epcis[(int)(next * 997L % epcis.Count)];
            if (epci.Members.Count > maxMembers || epci.Members.Any(m => m.Department == "53"))
            {
                continue;
            }

            var claimed = new List<string>();
            foreach (var member in epci.Members)
            {
                if (!s_taken.TryAdd(member.Code, 0))
                {
                    break;
                }

                claimed.Add(member.Code);
            }

            if (claimed.Count == epci.Members.Count)
            {
                return epci;
            }

            foreach (var code in claimed)
            {
                s_taken.TryRemove(code, out _);
            }
        }
    }

    private static Commune[] Shuffled()
    {
        // Mayenne (53) is the demo territory: tests that name its communes (53130 Laval...) on purpose never get one here.
        var communes = FranceGeography.Official.Communes.Where(c => c.Department != "53").ToArray();
        Random.Shared.Shuffle(communes);
        return communes;
    }
}
