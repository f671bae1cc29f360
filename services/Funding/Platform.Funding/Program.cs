using Platform.Messaging.ErrorQueues;
using Platform.Funding;
using Platform.Contracts.Grpc.Missions;
using Platform.Funding.Budgets;
using Platform.Funding.Funders;
using Platform.Funding.Grants;
using Platform.Funding.Indemnities;
using Platform.Funding.Splits;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<FundingDbContext>("fundingdb");
builder.AddMessaging<FundingDbContext>(bus => bus.AddConsumer<MissionCompletedConsumer>());
builder.Services.AddGrpcClient<SiteDirectory.SiteDirectoryClient>(o => o.Address = new Uri("http://_grpc.missions"));
builder.Services.AddGrpc();
builder.Services.AddPlatformOpenApi("Funding: funders, grants and indemnities");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformIdentity(); // the partner and role the gateway signed; /api refused without them when a key is set
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapFunders();
app.MapGrants();
app.MapSplits();
app.MapIndemnities();
app.MapSiteBudgets();
app.MapGrpcService<FunderDirectoryService>();
app.MapGrpcService<FundingCoverageService>();

await app.RunServiceAsync<FundingDbContext>(args);
