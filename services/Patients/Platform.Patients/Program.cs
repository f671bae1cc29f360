using Platform.Messaging;
using Platform.Patients;
using Platform.Patients.Registry;
using Platform.Patients.Statistics;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<PatientsDbContext>("patientsdb");
builder.AddMessaging<PatientsDbContext>();
builder.Services.AddGrpc();
builder.Services.AddPlatformOpenApi("Patients: people without a referring GP");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapRegistry();
app.MapGrpcService<PatientStatisticsService>();

await app.RunServiceAsync<PatientsDbContext>(args);
