using Platform.Contracts.Grpc.Missions;
using Platform.Messaging;
using Platform.Messaging.ErrorQueues;
using Platform.Patients;
using Platform.Patients.Access;
using Platform.Patients.Audit;
using Platform.Patients.BulkImport;
using Platform.Patients.Consultations;
using Platform.Patients.MissionsDirectory;
using Platform.Patients.Protection;
using Platform.Patients.Referents;
using Platform.Patients.Registry;
using Platform.Patients.Statistics;
using Platform.Patients.WaitingLists;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication("patients"); // every request carries a platform token for "patients"; each route states its policy
builder.AddServiceDatabase<PatientsDbContext>("patientsdb");
builder.AddMessaging<PatientsDbContext>(bus =>
{
    bus.AddConsumer<MissionScheduledConsumer>(); // where each practitioner works: their scope (see Access/PatientScope)
    bus.AddConsumer<MissionCancelledConsumer>();
    bus.AddConsumer<WaitingListsReplayRequestedConsumer>(); // Missions rebuilding its projection of who waits where
});
builder.Services.AddOptions<PriorityWeights>().BindConfiguration("Priority:Weights");
builder.Services.AddOptions<PseudonymOptions>().BindConfiguration("Patients:Pseudonyms")
    .Validate(o => o.Key.Length >= 32, "Patients:Pseudonyms:Key must be set (32+ characters, a secret from configuration).")
    .ValidateOnStart();
builder.Services.AddSingleton<Pseudonyms>();
builder.Services.AddOptions<IdentityProtectionOptions>().BindConfiguration(IdentityProtectionOptions.Section)
    .Validate(o => o.Problem() is null, $"{IdentityProtectionOptions.Section}: Keys, CurrentKey and IndexKey must be set (secrets of 32+ characters; see docs/security.md).")
    .ValidateOnStart();
builder.Services.AddSingleton<IdentityCipher>();
builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, IdentityProtectionInterceptor>(); // identities sealed at rest
builder.Services.AddSingleton<IdentityKeyRotation>();
builder.Services.AddSingleton<IServiceCommand>(sp => sp.GetRequiredService<IdentityKeyRotation>()); // rotate-keys
builder.Services.AddSingleton<IPostMigrationStep>(sp => sp.GetRequiredService<IdentityKeyRotation>()); // seals what older versions kept in clear
builder.Services.AddOptions<ImportOptions>().BindConfiguration("Patients:Imports");
builder.Services.AddSingleton<ImportSignal>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddGrpc();
builder.Services.AddGrpcClient<PractitionerDirectory.PractitionerDirectoryClient>(o => o.Address = new Uri("http://_grpc.missions")).AddServiceIdentity("missions");
builder.Services.AddGrpcClient<SiteDirectory.SiteDirectoryClient>(o => o.Address = new Uri("http://_grpc.missions")).AddServiceIdentity("missions");
builder.Services.AddScoped<MissionsReferences>();
builder.Services.AddPlatformOpenApi("Patients: people without a referring GP");

var app = builder.Build();
app.UsePlatformProblemDetails();
app.UsePlatformAuthentication();
app.MapOpenApi().AllowAnonymous();
app.MapDefaultEndpoints();
app.MapErrorQueues();
app.MapRegistry();
app.MapWaitingLists();
app.MapReferents();
app.MapConsultations();
app.MapImports();
app.MapAccessAudit();
app.MapPseudonyms();
app.MapGrpcService<PatientStatisticsService>().RequireAuthorization(PlatformPolicies.PatientsQuery);

await app.RunServiceAsync<PatientsDbContext>(args);
