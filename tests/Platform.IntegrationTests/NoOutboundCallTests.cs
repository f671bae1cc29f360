using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Funding;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// A service calls nothing but its configured servers: no name is looked up and no HTTP request made to any host
/// outside them while it runs, MassTransit's usage report included (it would call its vendor 30 s after the bus
/// starts, with the shortest delay it allows, set here to make the test short).
/// </summary>
public sealed class NoOutboundCallTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _broker = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("it_outbound");
        _broker = await TestVirtualHost.CreateAsync("outbound");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_running_service_looks_up_and_calls_no_host_but_its_own_servers()
    {
        using var network = new NetworkListener();
        await using var funding = new WebApplicationFactory<FundingDbContext>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:fundingdb", _db.ConnectionString)
            .UseSetting("ConnectionStrings:messaging", _broker.Uri.ToString())
            .UseSetting(PlatformToken.KeySetting, PlatformHosts.IdentityKey)
            .ConfigureTestServices(services => services.PostConfigure<UsageTelemetryOptions>(o => o.ReportDelay = TimeSpan.FromSeconds(30))));
        using var client = PlatformHosts.ClientOf(funding);
        (await client.GetAsync("/api/funding/funders")).EnsureSuccessStatusCode();

        await Task.Delay(TimeSpan.FromSeconds(36)); // past the usage report's delay

        var hosts = network.Hosts.ToArray();
        Assert.Contains("http localhost", hosts); // the listener sees requests: the test's own call to the service
        var outside = hosts.Where(h => !IsOwnServer(h.Split(' ', 2)[1])).ToList();
        Assert.True(outside.Count == 0, $"Calls out of the platform: {string.Join(", ", outside)}");
    }

    /// <summary>Loopback, the test hosts (<c>*.test</c>), and the platform's own services by their service-discovery names.</summary>
    private static bool IsOwnServer(string host) =>
        host is "localhost" or "127.0.0.1" or "::1" or "[::1]" or "patients" or "missions" or "funding" or "coordination"
        || host.StartsWith("_grpc.", StringComparison.Ordinal) || host.EndsWith(".test", StringComparison.Ordinal);

    /// <summary>Every name resolution and HTTP request the process makes, from .NET's own networking events.</summary>
    private sealed class NetworkListener : EventListener
    {
        public ConcurrentQueue<string> Hosts { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name is "System.Net.NameResolution" or "System.Net.Http")
            {
                EnableEvents(eventSource, EventLevel.Informational, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            switch (e.EventSource.Name, e.EventName)
            {
                case ("System.Net.NameResolution", "ResolutionStart") when e.Payload is [string name, ..]:
                    Hosts.Enqueue($"lookup {name}");
                    break;
                case ("System.Net.Http", "RequestStart") when e.Payload is [_, string host, ..]:
                    Hosts.Enqueue($"http {host}");
                    break;
            }
        }
    }
}
