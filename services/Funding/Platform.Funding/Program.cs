using Platform.Funding;
using Platform.Funding.Funders;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<FundingDbContext>("fundingdb");
builder.AddMessaging<FundingDbContext>();
builder.Services.AddGrpc();
builder.Services.AddPlatformOpenApi("Funding: funders, grants and indemnities");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapFunders();
app.MapGrpcService<FunderDirectoryService>();

await app.RunServiceAsync<FundingDbContext>(args);
