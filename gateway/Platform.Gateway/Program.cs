using Platform.Gateway.Docs;
using Platform.Gateway.Partners;
using Platform.Gateway.Protection;
using Platform.Gateway.Routing;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.UseInlineScheduling(); // request processing on the socket threads: nothing on the request path may block
builder.AddServiceDefaults();
builder.AddPartnerAuthentication();
builder.AddPlatformRouting();
builder.AddGrpcPassthrough();
builder.Services.AddRequestTimeouts();

var app = builder.Build();
app.Services.GetRequiredService<PartnerDirectory>(); // connects to Redis now, not on the first request
app.UsePlatformProblemDetails();
app.Use(CorrelationId.InvokeAsync);
app.UseRouting();
app.UseRequestTimeouts(); // per-route timeouts (ReverseProxy:Routes:*:Timeout)
app.UsePartnerAuthentication(); // a known key at once, anything else through ASP.NET Core's handlers; tags the request metrics with the partner
app.UsePartnerAuthorization(); // the routes' role policies; for a known partner, decided once per route
app.UseMiddleware<PartnerRateLimit>(); // after authentication: the limit is per partner, shared through Redis
app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapKeyAdmin();
app.MapGrpcReflection();
app.MapReverseProxy(proxy =>
{
    proxy.Use(RequestSizeLimit.Using(app.Services.GetRequiredService<IOptionsMonitor<GatewayLimits>>()));
    proxy.Use(IdempotentRetry.InvokeAsync); // GET/HEAD only, on another replica, when the first could not be reached
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

await app.RunAsync();
