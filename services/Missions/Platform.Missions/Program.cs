using Platform.Messaging.ErrorQueues;
using Platform.Messaging;
using Platform.Messaging.Sagas;
using Platform.Missions;
using Platform.Missions.Planning;
using Platform.Missions.Practitioners;
using Platform.Missions.Scheduling;
using Platform.Missions.Zones;
using Platform.Missions.Sites;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MissionsDbContext>("missionsdb");
builder.AddMessaging<MissionsDbContext>(bus =>
{
    bus.AddConsumer<ZoneClassifiedConsumer>();
    bus.AddSagaStateMachine<MissionLifecycle, Mission>(typeof(MissionLifecycleDefinition)).PostgresRepository<Mission, MissionsDbContext>();
    bus.AddRequestClient<ConfirmMission>();
    bus.AddRequestClient<StartMission>();
    bus.AddRequestClient<CompleteMission>();
    bus.AddRequestClient<CancelMission>();
});
builder.Services.AddOptions<CoverageGapOptions>().BindConfiguration("Missions:CoverageGaps");
builder.Services.AddHostedService<CoverageGapWatch>();
builder.Services.AddGrpc();
builder.Services.AddGrpcClient<Platform.Contracts.Grpc.Patients.PatientStatistics.PatientStatisticsClient>(o => o.Address = new Uri("http://_grpc.patients"));
builder.Services.AddPlatformOpenApi("Missions: volunteer practitioners, sites and missions");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformIdentity(); // the partner and role the gateway signed; /api refused without them when a key is set
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapSites();
app.MapPractitioners();
app.MapMissions();
app.MapCoverage();
app.MapCoverageGaps();
app.MapPlanning();
app.MapGrpcService<SiteDirectoryService>();
app.MapGrpcService<PractitionerDirectoryService>();
app.MapGrpcService<MissionActivityService>();

await app.RunServiceAsync<MissionsDbContext>(args);
