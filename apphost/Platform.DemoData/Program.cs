// Loads the demo territory through the gateway, as a partner would (see DemoTerritory). Run by the AppHost once the
// gateway is healthy; idempotent: a second run is answered 409 (already there) and adds nothing.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.DemoData;
using Platform.ServiceDefaults;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddHttpClient<GatewayClient>(http =>
{
    http.BaseAddress = new Uri("http://gateway");
    http.DefaultRequestHeaders.Add("X-Api-Key", builder.Configuration["DemoData:ApiKey"]
        ?? throw new InvalidOperationException("DemoData:ApiKey (the platform-admin key) is not set."));
});
builder.Services.AddTransient<DemoTerritory>();
using var host = builder.Build();
await host.StartAsync();
var tally = await host.Services.GetRequiredService<DemoTerritory>().LoadAsync(CancellationToken.None);
Console.WriteLine($"demo data: {tally.Created} created, {tally.Existing} already there");
await host.StopAsync();
