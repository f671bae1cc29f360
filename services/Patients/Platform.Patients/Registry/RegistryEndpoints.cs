using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Patients.Registry;

public sealed record RegisterPatientRequest(
    string? Nir,
    string? FirstName,
    string? LastName,
    DateOnly? BirthDate,
    string? CommuneCode);

public sealed record PatientResponse(
    Guid Id,
    string Nir,
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string CommuneCode,
    bool HasReferringGp,
    DateTimeOffset RegisteredAt)
{
    public static PatientResponse From(Patient p) =>
        new(p.Id, p.Nir, p.FirstName, p.LastName, p.BirthDate, p.CommuneCode, p.HasReferringGp, p.RegisteredAt);
}

public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Registry");
        group.MapPost("/", RegisterAsync)
            .WithName("RegisterPatient")
            .WithSummary("Register a person without a referring GP")
            .WithDescription("Validates the NIR and its key, writes the patient and a PatientRegistered event in one transaction.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPatient").WithSummary("Read a registered patient");
        return app;
    }

    internal static async Task<Results<Created<PatientResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterPatientRequest request, PatientsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = RegisterPatientValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The patient cannot be registered as given.");
        }

        var nir = Nir.Normalize(request.Nir!);
        if (await db.Patients.Where(p => p.Nir == nir).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return DuplicateNir(existing);
        }

        var patient = new Patient
        {
            Id = Guid.CreateVersion7(),
            Nir = nir,
            FirstName = request.FirstName!.Trim(),
            LastName = request.LastName!.Trim(),
            BirthDate = request.BirthDate!.Value,
            CommuneCode = request.CommuneCode!,
            RegisteredAt = time.GetUtcNow(),
        };
        db.Patients.Add(patient);
        db.AddIntegrationEvent(new PatientRegistered(patient.Id, patient.CommuneCode, patient.BirthDate.Year, patient.RegisteredAt));
        try
        {
            await db.SaveChangesAsync(ct); // patient row and outbox row commit together
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Registered concurrently by another request: same answer as the check above.
            db.ChangeTracker.Clear();
            var id = await db.Patients.Where(p => p.Nir == nir).Select(p => p.Id).SingleAsync(ct);
            return DuplicateNir(id);
        }

        return TypedResults.Created($"/api/patients/{patient.Id}", PatientResponse.From(patient));
    }

    internal static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetAsync(Guid id, PatientsDbContext db, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return patient is null
            ? TypedResults.Problem(statusCode: 404, title: "No patient has this id.", detail: $"Patient {id} does not exist.")
            : TypedResults.Ok(PatientResponse.From(patient));
    }

    private static ProblemHttpResult DuplicateNir(Guid existing) => TypedResults.Problem(
        statusCode: 409,
        title: "A patient with this NIR is already registered.",
        detail: $"The NIR belongs to patient {existing}.",
        extensions: new Dictionary<string, object?>
        {
            ["existingId"] = existing,
            ["errors"] = new Dictionary<string, string[]> { ["nir"] = ["Already registered."] },
        });
}

public static class RegisterPatientValidator
{
    public static Dictionary<string, string[]> Validate(RegisterPatientRequest request, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var nir = request.Nir is null ? null : Nir.Normalize(request.Nir);
        if (string.IsNullOrEmpty(nir))
        {
            errors["nir"] = ["The NIR is required."];
        }
        else if (!Nir.IsValid(nir, out var nirError))
        {
            errors["nir"] = [nirError];
        }

        Name(errors, "firstName", request.FirstName);
        Name(errors, "lastName", request.LastName);

        var now = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (request.BirthDate is not { } birth)
        {
            errors["birthDate"] = ["The birth date is required (YYYY-MM-DD)."];
        }
        else if (birth > now || birth < now.AddYears(-130))
        {
            errors["birthDate"] = ["The birth date must be in the past 130 years."];
        }
        else if (nir is not null && !errors.ContainsKey("nir") && Nir.BirthYearTwoDigits(nir) != birth.Year % 100)
        {
            errors["birthDate"] = [$"The birth year {birth.Year} does not match the NIR (which says ..{Nir.BirthYearTwoDigits(nir):00})."];
        }

        if (string.IsNullOrEmpty(request.CommuneCode))
        {
            errors["communeCode"] = ["The INSEE commune code is required."];
        }
        else if (!InseeCode.IsValid(request.CommuneCode))
        {
            errors["communeCode"] = [InseeCode.Rule];
        }

        return errors;
    }

    private static void Name(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Trim().Length > 100)
        {
            errors[field] = ["At most 100 characters."];
        }
    }
}
