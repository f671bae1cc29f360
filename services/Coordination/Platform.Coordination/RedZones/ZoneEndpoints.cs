using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Geography;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.RedZones;

/// <summary>
/// <c>/api/coordination/zones</c>: classify a commune or an intercommunality (one at a time, or every intercommunality
/// of a department or region at once), read the latest classifications. Each classification is recorded with its
/// figures and announced (ZoneClassified, through the outbox).
/// </summary>
public static class ZoneEndpoints
{
    public static IEndpointRouteBuilder MapZones(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/zones").WithTags("Red zones");
        group.MapPost("/classify", ClassifyAsync)
            .WithName("ClassifyZone")
            .WithSummary("Classify a commune or intercommunality, criterion by criterion (official name and population; an EPCI's figures aggregated from its communes unless given); publishes ZoneClassified")
            .RequireAuthorization(PlatformPolicies.ZonesClassify);
        group.MapPost("/classify/area", ClassifyAreaAsync)
            .WithName("ClassifyArea")
            .WithSummary("Classify every intercommunality with a commune in a department or region, from its communes' recorded figures; those without say why")
            .RequireAuthorization(PlatformPolicies.ZonesClassify);
        group.MapGet("/{code}", GetAsync).WithName("GetZone").WithSummary("The latest classification of a zone")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/", ListAsync).WithName("ListZones")
            .WithSummary("The latest classifications (red zones first), optionally of one kind (Commune, Intercommunality) and in one ?department=")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        return app;
    }

    internal static async Task<Results<Ok<Classification>, ValidationProblem>> ClassifyAsync(
        ZoneData request, CoordinationDbContext db, IOptionsSnapshot<RedZoneThresholds> thresholds, TimeProvider time, CancellationToken ct)
    {
        var errors = RedZoneClassifier.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The zone cannot be classified as given.");
        }

        var (resolved, missing) = ZoneResolution.Resolve(request, await RecordedFiguresAsync(db, ZoneResolution.CommunesOf(request), ct));
        if (resolved is null)
        {
            return TypedResults.ValidationProblem(missing, title: "The zone cannot be classified: figures are missing.");
        }

        var result = await RecordAsync(db, resolved, thresholds.Value.With(request.Thresholds), time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }

    internal static async Task<Results<Ok<AreaClassification>, ValidationProblem>> ClassifyAreaAsync(
        AreaClassificationRequest request, CoordinationDbContext db, IOptionsSnapshot<RedZoneThresholds> thresholds, TimeProvider time, CancellationToken ct)
    {
        var france = FranceGeography.Official;
        var errors = new Dictionary<string, string[]>();
        if ((request.Department is null) == (request.Region is null))
        {
            errors[request.Department is null ? "department" : "region"] = ["Give a department or a region, not both."];
        }
        else if (request.Department is not null && france.DepartmentProblem(request.Department) is { } departmentProblem)
        {
            errors["department"] = [departmentProblem];
        }
        else if (request.Region is not null && france.RegionProblem(request.Region) is { } regionProblem)
        {
            errors["region"] = [regionProblem];
        }

        RedZoneClassifier.ThresholdErrors(request.Thresholds, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The area cannot be classified as given.");
        }

        var epcis = request.Department is not null ? france.EpcisOfDepartment(request.Department) : france.EpcisOfRegion(request.Region!);
        var recorded = await RecordedFiguresAsync(db, [.. epcis.SelectMany(e => e.Members).Select(m => m.Code)], ct);
        var limits = thresholds.Value.With(request.Thresholds);
        var now = time.GetUtcNow();
        var classified = new List<Classification>();
        var notClassified = new List<UnclassifiedZone>();
        foreach (var epci in epcis)
        {
            var (resolved, missing) = ZoneResolution.Resolve(new ZoneData(epci.Siren, ZoneData.Intercommunality, Thresholds: request.Thresholds), recorded);
            if (resolved is null)
            {
                notClassified.Add(new UnclassifiedZone(epci.Siren, epci.Name, missing.Values.First()[0]));
                continue;
            }

            classified.Add(await RecordAsync(db, resolved, limits, now, ct));
        }

        await db.SaveChangesAsync(ct); // every classification and its event, or none
        return TypedResults.Ok(new AreaClassification([.. classified.OrderByDescending(c => c.IsRedZone).ThenBy(c => c.Name, StringComparer.Ordinal)],
            notClassified, FranceGeography.Vintage));
    }

    /// <summary>The communes' recorded figures (their latest classification's), by code.</summary>
    private static async Task<Dictionary<string, ZoneFigures>> RecordedFiguresAsync(CoordinationDbContext db, IReadOnlyList<string> communes, CancellationToken ct)
    {
        if (communes.Count == 0)
        {
            return [];
        }

        var zones = await db.Zones.AsNoTracking().Where(z => z.Kind == ZoneData.Commune && communes.Contains(z.Code) && z.Population != null).ToListAsync(ct);
        return zones.Where(z => z.Figures is not null).ToDictionary(z => z.Code, z => z.Figures!, StringComparer.Ordinal);
    }

    /// <summary>Classifies a resolved zone, records it with its figures and adds its event (saved by the caller).</summary>
    private static async Task<Classification> RecordAsync(CoordinationDbContext db, ResolvedZone resolved, RedZoneThresholds limits, DateTimeOffset now, CancellationToken ct)
    {
        var result = RedZoneClassifier.Classify(resolved.Zone, limits);
        if (resolved.AggregatedCommunes > 0)
        {
            result = result with
            {
                Explanation = result.Explanation + string.Create(CultureInfo.InvariantCulture,
                    $" Figures not given are aggregated from its {resolved.AggregatedCommunes} communes' latest classifications (GPs summed; ALD, emergency minutes and income weighted by population; young GPs by GPs)."),
            };
        }

        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Code == result.Code, ct);
        if (zone is null)
        {
            zone = new ZoneClassification { Code = result.Code, Kind = result.Kind, Name = result.Name, Explanation = result.Explanation, Criteria = "[]" };
            db.Zones.Add(zone);
        }

        zone.Kind = result.Kind;
        zone.Name = result.Name;
        zone.IsRedZone = result.IsRedZone;
        zone.Explanation = result.Explanation;
        zone.Criteria = JsonSerializer.Serialize(result.Criteria, JsonSerializerOptions.Web);
        zone.ClassifiedAt = now;
        zone.Record(resolved.Figures);
        db.AddIntegrationEvent(new ZoneClassified(result.Code, result.Kind, result.IsRedZone, result.Explanation, now));
        return result;
    }

    internal static async Task<Results<Ok<List<Classification>>, ValidationProblem>> ListAsync(CoordinationDbContext db, CancellationToken ct,
        string? kind = null, string? department = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not (null or ZoneData.Commune or ZoneData.Intercommunality))
        {
            errors["kind"] = ["Commune or Intercommunality."];
        }

        var france = FranceGeography.Official;
        if (department is not null && france.DepartmentProblem(department) is { } departmentProblem)
        {
            errors["department"] = [departmentProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Zones.AsNoTracking().Where(z => kind == null || z.Kind == kind);
        if (department is not null)
        {
            // The zones of the department: its communes, and the intercommunalities with a commune in it.
            var codes = france.Communes.Where(c => c.Department == department).Select(c => c.Code)
                .Concat(france.EpcisOfDepartment(department).Select(e => e.Siren)).ToList();
            query = query.Where(z => codes.Contains(z.Code));
        }

        var zones = await query.OrderByDescending(z => z.IsRedZone).ThenBy(z => z.Name).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(zones.ConvertAll(ToClassification));
    }

    private static Classification ToClassification(ZoneClassification zone) => new(zone.Code, zone.Name, zone.Kind, zone.IsRedZone,
        JsonSerializer.Deserialize<List<Criterion>>(zone.Criteria, JsonSerializerOptions.Web)!, zone.Explanation);

    internal static async Task<Results<Ok<Classification>, ProblemHttpResult>> GetAsync(string code, CoordinationDbContext db, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Code == code, ct);
        return zone is null
            ? TypedResults.Problem(statusCode: 404, title: "This zone has not been classified.")
            : TypedResults.Ok(ToClassification(zone));
    }
}
