using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.RedZones;

/// <summary>The latest classification of a zone, with its criteria as given (so it can be argued later).</summary>
public sealed class ZoneClassification
{
    public required string Code { get; init; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public bool IsRedZone { get; set; }

    public required string Explanation { get; set; }

    /// <summary>The criteria, values and thresholds, as JSON.</summary>
    public required string Criteria { get; set; }

    public DateTimeOffset ClassifiedAt { get; set; }
}

public static class ZoneEndpoints
{
    public static IEndpointRouteBuilder MapZones(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/zones").WithTags("Red zones");
        group.MapPost("/classify", ClassifyAsync)
            .WithName("ClassifyZone")
            .WithSummary("Classify a commune or intercommunality, criterion by criterion; publishes ZoneClassified")
            .RequireAuthorization(PlatformPolicies.ZonesClassify);
        group.MapGet("/{code}", GetAsync).WithName("GetZone").WithSummary("The latest classification of a zone")
            .RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/", ListAsync).WithName("ListZones").WithSummary("Every zone's latest classification (red zones first)")
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

        var result = RedZoneClassifier.Classify(request, thresholds.Value.With(request.Thresholds));
        var now = time.GetUtcNow();
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
        db.AddIntegrationEvent(new ZoneClassified(result.Code, result.Kind, result.IsRedZone, result.Explanation, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }

    internal static async Task<Ok<List<Classification>>> ListAsync(CoordinationDbContext db, CancellationToken ct)
    {
        var zones = await db.Zones.AsNoTracking().OrderByDescending(z => z.IsRedZone).ThenBy(z => z.Name).Take(1000).ToListAsync(ct);
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
