using Platform.Geography;

namespace Platform.Testing;

/// <summary>
/// Real communes for tests (the services refuse a code the official geography does not know), never the same twice in
/// a test run, so that a test's counts are its own: the current communes of the reference, shuffled once per run, are
/// handed out in turn (34,875 of them; a run that needs more fails loudly rather than repeating one).
/// </summary>
public static class Communes
{
    private static readonly Commune[] s_shuffled = Shuffled();
    private static int s_next = -1;

    /// <summary>The code of a commune no other caller in this run has been given.</summary>
    public static string Unique() => UniqueCommune().Code;

    /// <summary>A commune (code, name, population...) no other caller in this run has been given.</summary>
    public static Commune UniqueCommune()
    {
        var next = Interlocked.Increment(ref s_next);
        return next < s_shuffled.Length
            ? s_shuffled[next]
            : throw new InvalidOperationException($"The {s_shuffled.Length} communes of the reference are all taken in this test run.");
    }

    private static Commune[] Shuffled()
    {
        // Mayenne (53) is the demo territory: tests that name its communes (53130 Laval...) on purpose never get one here.
        var communes = FranceGeography.Official.Communes.Where(c => c.Department != "53").ToArray();
        Random.Shared.Shuffle(communes);
        return communes;
    }
}
