using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults;

namespace Platform.UnitTests;

/// <summary>
/// The spans a host exports (ServiceDefaults): a request served carries the HTTP attributes, a call made carries them and
/// its trace context to the next host, and health probes are not exported. A real Kestrel and OpenTelemetry's own export
/// processor (which drops what is not recorded). Listeners are process-wide, so the spans kept are this app's: its
/// server spans (on its port) and the client spans they started (the test's own HttpClient is traced too).
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly List<Activity> _exported = [];
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(new Collector(_exported))));
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/sites/{id}", (int id) => id);
        _app.MapGet("/call", async (HttpContext context) =>
        {
            using var client = new HttpClient();
            return await client.GetStringAsync(new Uri($"http://127.0.0.1:{context.Connection.LocalPort}/sites/7"));
        });
        await _app.StartAsync();
        _address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_request_served_and_a_call_made_are_spans_with_their_HTTP_attributes_in_one_trace()
    {
        using var http = new HttpClient { BaseAddress = _address };
        Assert.Equal("7", await http.GetStringAsync(new Uri("/call", UriKind.Relative)));

        var spans = await ExportedAsync(2);
        var call = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/call"));
        var client = Assert.Single(Snapshot(), s => s.Kind == ActivityKind.Client && s.ParentSpanId == call.SpanId);
        var served = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/sites/{id}"));
        Assert.Equal("GET /sites/{id}", served.DisplayName);
        Assert.Equal("GET", served.GetTagItem("http.request.method"));
        Assert.Equal("/sites/7", served.GetTagItem("url.path"));
        Assert.Equal(200, Convert.ToInt32(served.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("System.Net.Http", client.Source.Name);
        Assert.Equal("GET", client.GetTagItem("http.request.method"));
        Assert.EndsWith("/sites/7", Assert.IsType<string>(client.GetTagItem("url.full")), StringComparison.Ordinal);
        // One trace: the call's span is the client span's parent, and the client span the served request's (traceparent went along).
        Assert.Equal(call.SpanId, client.ParentSpanId);
        Assert.Equal(client.SpanId, served.ParentSpanId);
        Assert.Equal(call.TraceId, served.TraceId);
    }

    [Fact]
    public async Task Health_probes_are_not_exported()
    {
        using var http = new HttpClient { BaseAddress = _address };
        foreach (var probe in new[] { "/health", "/alive", "/health/dependencies" })
        {
            using var response = await http.GetAsync(new Uri(probe, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("7", await http.GetStringAsync(new Uri("/sites/7", UriKind.Relative))); // after the probes: exported once it is done

        var spans = await ExportedAsync(1);
        Assert.Equal("/sites/7", Assert.Single(spans).GetTagItem("url.path"));
        Assert.Equal("GET /sites/{id}", spans[0].DisplayName);
    }

    /// <summary>This app's server spans once at least <paramref name="count"/> are exported (one ends just after its response is sent).</summary>
    private async Task<Activity[]> ExportedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (_exported)
            {
                var served = _exported.Where(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("server.port"), _address.Port)).ToArray();
                if (served.Length >= count || DateTime.UtcNow > deadline)
                {
                    Assert.True(served.Length >= count, $"{served.Length} server spans exported, {count} expected");
                    return served;
                }
            }

            await Task.Delay(20);
        }
    }

    private Activity[] Snapshot()
    {
        lock (_exported)
        {
            return [.. _exported];
        }
    }

    private sealed class Collector(List<Activity> into) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (into)
            {
                foreach (var activity in batch)
                {
                    into.Add(activity);
                }
            }

            return ExportResult.Success;
        }
    }
}
