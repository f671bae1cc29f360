using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Access;
using Platform.Patients.Audit;
using Platform.Patients.Protection;
using Platform.Patients.WaitingLists;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.Registry;

public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Registry");
        group.MapPost("/", RegisterAsync)
            .WithName("RegisterPatient")
            .WithSummary("Register a person without a referring GP")
            .WithDescription("Validates the NIR and its key, writes the patient and a PatientRegistered event in one transaction. " +
                "The commune must be in the caller's scope; a centre's registration also enrols the patient on its site's waiting list.")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        group.MapGet("/", SearchAsync).WithName("SearchPatients").WithSummary("Search by name and/or commune, paged (audited)")
            .RequireAuthorization(PlatformPolicies.PatientIdentity);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPatient").WithSummary("Read a registered patient (audited)")
            .RequireAuthorization(PlatformPolicies.PatientIdentity)
            .RequirePatientInScope();
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdatePatient").WithSummary("Update a patient's details (the NIR never changes)")
            .RequireAuthorization(PlatformPolicies.PatientsWrite)
            .RequirePatientInScope();
        group.MapDelete("/{id:guid}/identity", EraseAsync)
            .WithName("ErasePatientIdentity")
            .WithSummary("GDPR erasure: remove the identity, keep the anonymous statistics")
            .RequireAuthorization(PlatformPolicies.PatientsWrite)
            .RequirePatientInScope();
        return app;
    }

    internal static async Task<Results<Created<PatientResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterPatientRequest request, PatientsDbContext db, IdentityCipher cipher, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var errors = PatientValidation.ValidateRegistration(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The patient cannot be registered as given.");
        }

        var scope = PartnerScope.Of(http.User);
        switch (scope.Kind)
        {
            case ScopeKind.Communes when !scope.Covers(request.CommuneCode!):
                return ScopeProblems.Outside("communeCode", "This commune is outside your scope.");
            case ScopeKind.Practitioner or ScopeKind.None:
                return TypedResults.Problem(statusCode: 403, title: "Your key's scope does not register patients.",
                    detail: "A centre, a CPTS or the regional team registers patients; a practitioner sees those of their sites and consultations.");
        }

        var nir = Nir.Normalize(request.Nir!);
        var nirIndex = cipher.NirIndex(nir);
        if (await db.Patients.Where(p => p.NirIndex == nirIndex).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return DuplicateNir(await db.CanSeeAsync(http.User, existing, ct) ? existing : null);
        }

        var patient = new Patient { Id = Guid.CreateVersion7(), Nir = nir, CommuneCode = request.CommuneCode!, RegisteredAt = time.GetUtcNow() };
        Apply(patient, request.Details);
        db.Patients.Add(patient);
        db.AddIntegrationEvent(new PatientRegistered(patient.Id, patient.CommuneCode, patient.BirthDate.Year, patient.RegisteredAt));
        if (scope.Kind == ScopeKind.Site)
        {
            // A centre registers the people who come to it: they wait for it, and so stay in its scope.
            db.Enrol(patient.Id, patient.CommuneCode, new WaitingListId(WaitingListId.Site, scope.Site!.Value.ToString()).ToString(), patient.RegisteredAt);
        }
        try
        {
            await db.SaveChangesAsync(ct); // patient row and outbox row commit together
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Registered concurrently by another request: same answer as the check above.
            db.ChangeTracker.Clear();
            var id = await db.Patients.Where(p => p.NirIndex == nirIndex).Select(p => p.Id).SingleAsync(ct);
            return DuplicateNir(await db.CanSeeAsync(http.User, id, ct) ? id : null);
        }

        return TypedResults.Created($"/api/patients/{patient.Id}", PatientResponse.From(patient));
    }

    internal static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetAsync(
        Guid id, PatientsDbContext db, HttpContext http, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return NotFound(id);
        }

        db.Record(http, "read", id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PatientResponse.From(patient));
    }

    internal static async Task<Results<Ok<Paged<PatientSummary>>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        PatientsDbContext db, IdentityCipher cipher, HttpContext http, CancellationToken ct, string? name = null, [InseeCommune] string? commune = null, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (name is { Length: > 100 })
        {
            errors["name"] = ["At most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Patients.AsNoTracking().VisibleTo(db, http.User);
        if (commune is not null)
        {
            query = query.Where(p => p.CommuneCode == commune);
        }

        // In registration order (the id is time-ordered): an order by name would need the names in clear.
        query = query.OrderBy(p => p.Id);
        List<Patient> rows;
        int total;
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Names are enciphered: SQL keeps the patients whose names carry the query's blind tags (the first letters
            // of each word), and each word of the query must then start a word of the opened first or last name.
            if (cipher.SearchKeys(name) is not { } keys)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["At least one letter."] });
            }

            foreach (var key in keys)
            {
                query = query.Where(p => p.NameKeys.Contains(key));
            }

            var matching = (await query.ToListAsync(ct)).FindAll(p => IdentityCipher.NameMatches(name, p.FirstName, p.LastName));
            total = matching.Count;
            rows = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        }
        else
        {
            total = await query.CountAsync(ct);
            rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        }

        var items = rows.ConvertAll(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.BirthDate.Year, p.CommuneCode, p.HasReferringGp));
        db.Record(http, "search", items.Where(i => i.LastName is not null).Select(i => i.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Paged<PatientSummary>(items, page, pageSize, total));
    }

    internal static async Task<Results<Ok<PatientResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PatientDetails details, PatientsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var errors = PatientValidation.ValidateDetails(details);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The patient cannot be updated as given.");
        }

        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return NotFound(id);
        }

        if (patient.ErasedAt is not null)
        {
            return TypedResults.Problem(statusCode: 409, title: "This patient's identity was erased; it cannot be set again.");
        }

        if (patient.Nir is { } nir)
        {
            PatientValidation.NirAgreement(nir, details, errors);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The details contradict the patient's NIR.");
            }
        }

        var from = patient.CommuneCode;
        Apply(patient, details);
        if (from != patient.CommuneCode)
        {
            db.AddIntegrationEvent(new PatientMoved(patient.Id, from, patient.CommuneCode, patient.HasReferringGp, time.GetUtcNow()));
        }

        db.Record(http, "update", id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PatientResponse.From(patient));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(
        Guid id, PatientsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return NotFound(id);
        }

        if (patient.ErasedAt is null)
        {
            patient.EraseIdentity(time.GetUtcNow());
            db.Record(http, "erase", id);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent(); // erasing twice is not an error
    }

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "No patient has this id.", detail: $"Patient {id} does not exist.");

    private static void Apply(Patient patient, PatientDetails details)
    {
        patient.FirstName = details.FirstName!.Trim();
        patient.LastName = details.LastName!.Trim();
        patient.BirthDate = details.BirthDate!.Value;
        patient.Sex = details.Sex;
        patient.CommuneCode = details.CommuneCode!;
        patient.Phone = details.Phone;
        patient.Email = details.Email;
        patient.HasAld = details.HasAld;
        patient.Precarity = details.Precarity;
        patient.Isolation = details.Isolation;
        patient.NeedsTransport = details.NeedsTransport;
    }

    /// <summary>The existing patient's id is given only to a caller whose scope covers that patient.</summary>
    private static ProblemHttpResult DuplicateNir(Guid? existing) => TypedResults.Problem(
        statusCode: 409,
        title: "A patient with this NIR is already registered.",
        detail: existing is { } id ? $"The NIR belongs to patient {id}." : "The patient is outside your scope: the CPTS or the regional team can enrol them on your list.",
        extensions: existing is { } known
            ? new Dictionary<string, object?> { ["existingId"] = known, ["errors"] = new Dictionary<string, string[]> { ["nir"] = ["Already registered."] } }
            : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["nir"] = ["Already registered."] } });
}
