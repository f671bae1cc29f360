using Platform.Messaging;
using Platform.Messaging.ErrorQueues;
using Platform.Messaging.Sagas;
using Platform.Missions;
using Platform.Missions.Planning;
using Platform.Missions.Practitioners;
using Platform.Missions.Scheduling;
using Platform.Missions.Sites;
using Platform.Missions.WaitingLists;
using Platform.Missions.Zones;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication("missions"); // every request carries a platform token for "missions"; each route states its policy
builder.AddServiceDatabase<MissionsDbContext>("missionsdb");
builder.AddMessaging<MissionsDbContext>(bus =>
{
    bus.AddConsumer<ZoneClassifiedConsumer>();
    // Who waits where, from Patients' events: the planner's priorities without a call back to Patients.
    bus.AddConsumer<PatientEnrolledConsumer>();
    bus.AddConsumer<PatientLeftWaitingListConsumer>();
    bus.AddConsumer<PatientMovedConsumer>();
    bus.AddConsumer<WaitingListsReplayedConsumer>(); // and, when it is empty or behind, from a replay of Patients' lists
    bus.AddSagaStateMachine<MissionLifecycle, Mission>(typeof(MissionLifecycleDefinition)).PostgresRepository<Mission, MissionsDbContext>();
    bus.AddRequestClient<ConfirmMission>();
    bus.AddRequestClient<StartMission>();
    bus.AddRequestClient<CompleteMission>();
    bus.AddRequestClient<CancelMission>();
});
builder.Services.AddOptions<CoverageGapOptions>().BindConfiguration("Missions:CoverageGaps");
builder.Services.AddHostedService<CoverageGapWatch>();
builder.Services.AddScoped<WaitingListReplay>();
builder.Services.AddScoped<IPostMigrationStep>(sp => sp.GetRequiredService<WaitingListReplay>()); // an empty projection asks for a replay
builder.Services.AddOptions<WaitingListReplayOptions>().BindConfiguration("Missions:WaitingListReplay");
builder.Services.AddSingleton<WaitingListReplayWatch>().AddHostedService(sp => sp.GetRequiredService<WaitingListReplayWatch>()); // until answered
builder.Services.AddGrpc();
builder.Services.AddPlatformOpenApi("Missions: volunteer practitioners, sites and missions");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformAuthentication();
app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapSites();
app.MapPractitioners();
app.MapMissions();
app.MapCoverage();
app.MapCoverageGaps();
app.MapPlanning();
app.MapWaitingListReplay();
app.MapGrpcService<SiteDirectoryService>().RequireAuthorization(PlatformPolicies.MissionsQuery);
app.MapGrpcService<PractitionerDirectoryService>().RequireAuthorization(PlatformPolicies.MissionsQuery);
app.MapGrpcService<MissionActivityService>().RequireAuthorization(PlatformPolicies.MissionsQuery);

await app.RunServiceAsync<MissionsDbContext>(args);
