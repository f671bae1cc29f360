using Platform.Contracts.Grpc.Missions;
using Platform.Funding;
using Platform.Funding.Budgets;
using Platform.Funding.Funders;
using Platform.Funding.Grants;
using Platform.Funding.Indemnities;
using Platform.Funding.Splits;
using Platform.Messaging;
using Platform.Messaging.ErrorQueues;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication("funding"); // every request carries a platform token for "funding"; each route states its policy
builder.AddServiceDatabase<FundingDbContext>("fundingdb");
builder.AddMessaging<FundingDbContext>(bus => bus.AddConsumer<MissionCompletedConsumer>());
builder.Services.AddGrpcClient<SiteDirectory.SiteDirectoryClient>(o => o.Address = new Uri("http://_grpc.missions")).AddServiceIdentity("missions");
builder.Services.AddGrpc();
builder.Services.AddPlatformOpenApi("Funding: funders, grants and indemnities");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformAuthentication();
app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapFunders();
app.MapGrants();
app.MapSplits();
app.MapIndemnities();
app.MapSiteBudgets();
app.MapGrpcService<FunderDirectoryService>().RequireAuthorization(PlatformPolicies.FundingQuery);
app.MapGrpcService<FundingCoverageService>().RequireAuthorization(PlatformPolicies.FundingQuery);

await app.RunServiceAsync<FundingDbContext>(args);
