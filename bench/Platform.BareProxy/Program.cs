// The least a YARP gateway can be: Kestrel, routing and the forwarder to one backend (BareProxy:Destination), with no
// authentication, rate limit, transforms, telemetry or logging, on the same transport settings as the gateway (inline
// scheduling; the benchmark sets DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS). The gateway benchmark measures it as
// the floor that tuning the real gateway can approach but not pass.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
builder.Services.AddHttpForwarder();
var app = builder.Build();
app.MapForwarder("/{**catch-all}", app.Configuration["BareProxy:Destination"]
    ?? throw new InvalidOperationException("BareProxy:Destination is required (the backend's base address)."));
await app.RunAsync();
