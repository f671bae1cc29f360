using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>The suite's waits: met, they return the value; not met, they fail the test saying what was awaited and seen.</summary>
public class EventuallyTests
{
    [Fact]
    public async Task A_wait_that_is_met_returns_the_value_that_met_it()
    {
        var calls = 0;
        var value = await Eventually.UntilAsync(() => Task.FromResult(++calls), c => c >= 3, TimeSpan.FromSeconds(5));
        Assert.Equal(3, value);
    }

    [Fact]
    public async Task A_wait_that_is_not_met_fails_with_the_condition_and_the_last_value()
    {
        var calls = 0;
        var failure = await Assert.ThrowsAsync<WaitNotMetException>(
            () => Eventually.UntilAsync(() => Task.FromResult(++calls), count => count > 1_000, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(calls, failure.LastValue);
        Assert.StartsWith("Waited 0.3 s for count => count > 1_000; the last value seen was ", failure.Message, StringComparison.Ordinal);
        Assert.True(calls >= 2, "it polled more than once before giving up");
    }

    [Fact]
    public async Task A_probe_that_throws_ends_the_wait_with_its_error()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Eventually.UntilAsync<int>(() => throw new InvalidOperationException("probe"), _ => true, TimeSpan.FromSeconds(1)));
    }
}
