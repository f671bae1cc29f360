using Platform.Contracts.Grpc.Patients;
using Platform.Coordination;
using Platform.Coordination.Dashboard;
using Platform.Coordination.Geography;
using Platform.Coordination.Indicators;
using Platform.Coordination.RedZones;
using Platform.Coordination.Tasks;
using Platform.Coordination.Telemedicine;
using Platform.Coordination.Territory;
using Platform.Messaging;
using Platform.Messaging.ErrorQueues;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication("coordination"); // every request carries a platform token for "coordination"; each route states its policy
builder.AddServiceDatabase<CoordinationDbContext>("coordinationdb");
builder.AddMessaging<CoordinationDbContext>(bus =>
{
    bus.AddConsumer<PatientRegisteredConsumer>();
    bus.AddConsumer<PatientAssignedReferentConsumer>();
    bus.AddConsumer<PatientMovedConsumer>();
    bus.AddConsumer<PatientsImportedConsumer>();
    bus.AddConsumer<PatientOrientatedConsumer>();
    bus.AddConsumer<PatientEnrolledConsumer>();
    bus.AddConsumer<PatientLeftWaitingListConsumer>();
    bus.AddConsumer<ConsultationRecordedConsumer>();
    bus.AddConsumer<MissionCompletedConsumer>();
    bus.AddConsumer<CoverageGapDetectedConsumer>();
    bus.AddConsumer<CoverageGapFilledConsumer>();
    bus.AddConsumer<BudgetShortfallDetectedConsumer>();
});
builder.Services.AddOptions<RedZoneThresholds>().BindConfiguration("RedZone:Thresholds")
    .Validate(t => t.InhabitantsPerGp > 0 && t.EmergencyMinutes >= 0 && t.MedianIncome > 0 && t.OtherCriteriaRequired is >= 0 and <= 4,
        "RedZone:Thresholds: inhabitants per GP and median income must be positive, other criteria required 0 to 4.")
    .ValidateOnStart();
builder.Services.AddHostedService<TerritoryMetrics>(); // the indicators as gauges, for the territory dashboard
builder.Services.AddGrpc();
builder.Services.AddGrpcClient<PatientStatistics.PatientStatisticsClient>(o => o.Address = new Uri("http://_grpc.patients")).AddServiceIdentity("patients");
builder.Services.AddPlatformOpenApi("Coordination (CPTS): territorial indicators");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformAuthentication();
app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapIndicators();
app.MapTasks();
app.MapZones();
app.MapTerritories();
app.MapMembers();
app.MapTelemedicine();
app.MapGeography();
app.MapDashboard();
app.MapGrpcService<TerritorialIndicatorsService>().RequireAuthorization(PlatformPolicies.CoordinationQuery);

await app.RunServiceAsync<CoordinationDbContext>(args);
