using Platform.Gateway.Docs;
using Platform.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformRouting();

var app = builder.Build();
app.UsePlatformProblemDetails();
app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapReverseProxy();

await app.RunAsync();
