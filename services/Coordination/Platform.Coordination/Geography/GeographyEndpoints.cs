using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Geography;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Coordination.Geography;

/// <summary>
/// <c>/api/coordination/geography</c>: the official geography every service checks codes against, for partners to look
/// up: a commune by INSEE code (a former one answers 404 naming its successor), communes by name prefix and department,
/// an intercommunality with its members, the intercommunalities of a department or region. Read-only, any partner.
/// </summary>
public static class GeographyEndpoints
{
    public const int MaxNameLength = 100;

    public static IEndpointRouteBuilder MapGeography(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coordination/geography").WithTags("Geography").RequireAuthorization(PlatformPolicies.CoordinationRead);
        group.MapGet("/communes/{code}", GetCommune).WithName("GetOfficialCommune")
            .WithSummary("A commune (or municipal arrondissement) by INSEE code: names, population, EPCI; a former commune is a 404 naming its successor");
        group.MapGet("/communes", ListCommunes).WithName("ListOfficialCommunes")
            .WithSummary("Communes whose name starts with ?name= (case, accents and hyphens ignored), optionally in one ?department=; by name, paged");
        group.MapGet("/epcis/{siren}", GetEpci).WithName("GetOfficialEpci")
            .WithSummary("An intercommunality (EPCI) by SIREN, with its member communes and population");
        group.MapGet("/epcis", ListEpcis).WithName("ListOfficialEpcis")
            .WithSummary("The intercommunalities with a commune in ?department= or ?region=, by SIREN, paged");
        return app;
    }

    internal static Results<Ok<OfficialCommune>, ProblemHttpResult, ValidationProblem> GetCommune(string code)
    {
        var france = FranceGeography.Official;
        var check = france.Check(code);
        return check.Status switch
        {
            CommuneCodeStatus.Current => TypedResults.Ok(OfficialCommune.From(check.Commune!, france)),
            CommuneCodeStatus.Former => TypedResults.Problem(statusCode: 404, title: check.Problem,
                extensions: new Dictionary<string, object?> { ["successor"] = check.Successor!.Code, ["vintage"] = FranceGeography.Vintage }),
            CommuneCodeStatus.Unknown => TypedResults.Problem(statusCode: 404, title: check.Problem),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [check.Problem!] }),
        };
    }

    internal static Results<Ok<GeographyPage<OfficialCommune>>, ValidationProblem> ListCommunes(
        string? name = null, string? department = null, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var france = FranceGeography.Official;
        var errors = new Dictionary<string, string[]>();
        if (name is { Length: > MaxNameLength })
        {
            errors["name"] = [$"At most {MaxNameLength} characters."];
        }

        DepartmentErrors(france, department, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = france.Search(name, department).ToList();
        var items = found.Skip((page - 1) * pageSize).Take(pageSize).Select(c => OfficialCommune.From(c, france)).ToList();
        return TypedResults.Ok(new GeographyPage<OfficialCommune>(items, page, pageSize, found.Count, FranceGeography.Vintage));
    }

    internal static Results<Ok<OfficialEpci>, ProblemHttpResult, ValidationProblem> GetEpci(string siren)
    {
        var france = FranceGeography.Official;
        if (france.Epci(siren) is { } epci)
        {
            return TypedResults.Ok(OfficialEpci.From(epci));
        }

        var problem = france.EpciProblem(siren)!;
        return siren is { Length: 9 } && siren.All(char.IsAsciiDigit)
            ? TypedResults.Problem(statusCode: 404, title: problem)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["siren"] = [problem] });
    }

    internal static Results<Ok<GeographyPage<OfficialEpci>>, ValidationProblem> ListEpcis(
        string? department = null, string? region = null, [Page] int page = 1, [PageSize] int pageSize = 50)
    {
        var france = FranceGeography.Official;
        var errors = new Dictionary<string, string[]>();
        DepartmentErrors(france, department, errors);
        if (region is not null && france.RegionProblem(region) is { } regionProblem)
        {
            errors["region"] = [regionProblem];
        }

        if ((department is null) == (region is null))
        {
            errors[department is null ? "department" : "region"] = ["Give a department or a region, not both."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var epcis = department is not null ? france.EpcisOfDepartment(department) : france.EpcisOfRegion(region!);
        var items = epcis.Skip((page - 1) * pageSize).Take(pageSize).Select(OfficialEpci.From).ToList();
        return TypedResults.Ok(new GeographyPage<OfficialEpci>(items, page, pageSize, epcis.Count, FranceGeography.Vintage));
    }

    private static void DepartmentErrors(FranceGeography france, string? department, Dictionary<string, string[]> errors)
    {
        if (department is not null && france.DepartmentProblem(department) is { } departmentProblem)
        {
            errors["department"] = [departmentProblem];
        }
    }
}
