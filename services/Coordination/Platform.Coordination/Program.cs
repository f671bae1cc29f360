using Platform.Contracts.Grpc.Patients;
using Platform.Coordination;
using Platform.Coordination.Indicators;
using Platform.Coordination.RedZones;
using Platform.Coordination.Tasks;
using Platform.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
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
});
builder.Services.AddOptions<RedZoneThresholds>().BindConfiguration("RedZone:Thresholds");
builder.Services.AddGrpc();
builder.Services.AddGrpcClient<PatientStatistics.PatientStatisticsClient>(o => o.Address = new Uri("http://_grpc.patients"));
builder.Services.AddPlatformOpenApi("Coordination (CPTS): territorial indicators");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapIndicators();
app.MapTasks();
app.MapZones();
app.MapGrpcService<TerritorialIndicatorsService>();

await app.RunServiceAsync<CoordinationDbContext>(args);
