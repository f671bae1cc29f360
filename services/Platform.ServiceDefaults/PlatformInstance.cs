using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults;

/// <summary>
/// This host, one per process in every deployment: its <c>service.instance.id</c> (the telemetry resource's, unless
/// the AppHost or the cluster names the instance) and the meters of the platform's own instruments, tagged with it.
/// The tag keeps each host's instruments a stream of their own when several hosts share a process (the integration
/// tests): OpenTelemetry merges same-named instruments of one identity, and one host's shutdown would end the others'.
/// </summary>
public sealed class PlatformInstance
{
    public const string Tag = "service.instance.id";

    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>The options of one of the platform's meters, created through the host's <see cref="IMeterFactory"/>.</summary>
    public MeterOptions Meter(string name) => new(name) { Tags = [new(Tag, Id)] };
}
