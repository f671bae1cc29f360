using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults;

public static class OpenApiDefaults
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    /// <summary>What each group of routes is for, in every service's document (the tags partners browse by).</summary>
    private static readonly Dictionary<string, string> s_tags = new(StringComparer.Ordinal)
    {
        ["Operations"] = "Error queues of this service's consumers: read, redeliver (platform-admin).",
        ["Registry"] = "People without a referring GP: registration, search, record, erasure (GDPR).",
        ["Audit"] = "Who saw a patient's identity, when and through which route.",
        ["Waiting lists"] = "Enrolment on a site's or a commune's waiting list, explainable priority, leaving.",
        ["Referents"] = "A referring doctor or centre assigned to a patient, and its history.",
        ["Consultations"] = "Consultations recorded for a patient, and the orientations they led to.",
        ["Imports"] = "Bulk registration from a CSV file: upload, progress, rejected lines.",
        ["Missions"] = "Missions of volunteer practitioners: scheduling, lifecycle, handover.",
        ["Sites"] = "Places where missions happen: health centres, antennas, their capacity.",
        ["Practitioners"] = "Volunteer practitioners (RPPS) and their availability.",
        ["Planning"] = "Coverage planning: proposals of missions for uncovered sites.",
        ["Co-funding splits"] = "A sum shared between communes by population, to the cent.",
        ["Funders"] = "Public funders: region, ARS, departments, communes, health insurance.",
        ["Grants"] = "Grants and subsidies, their periods and beneficiaries.",
        ["Indemnities"] = "Practitioners' mission indemnities, payouts and reversals.",
        ["Site budgets"] = "Each site's budget: grants against recorded costs.",
        ["Indicators"] = "Territorial indicators per commune and CPTS, week by week.",
        ["Tasks"] = "Orientation and follow-up tasks of the CPTS network.",
        ["Red zones"] = "Medical-desert classification of communes and intercommunalities, explained.",
        ["Territory"] = "The CPTS territories, their communes and members.",
        ["Telemedicine"] = "Telemedicine places and sessions (patients by pseudonym only).",
        ["Geography"] = "The official geography (INSEE): communes, intercommunalities, their populations; what every service checks codes against.",
    };

    /// <summary>
    /// The service's OpenAPI document at <c>/openapi/v1.json</c>. Partners read it through the gateway
    /// (<c>/openapi/{service}.json</c>), which is also its server (<c>/</c>: calls from the docs page or a generated client
    /// go through the gateway). Every operation answers 401 and 403 (the gateway's, or the service's policy) and every
    /// 4xx is an RFC 9457 problem (<c>application/problem+json</c>).
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(o => o.AddSchemaTransformer(TypesBehindConverters).AddSchemaTransformer(RequiredMembers).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Info.License = new OpenApiLicense { Name = "For the region's partner applications, under their partner agreement", Url = new Uri("/docs", UriKind.Relative) };
            document.Servers = [new OpenApiServer { Url = "/", Description = "The platform's partner gateway, which serves this document" }];
            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                if (tag.Name is { } name && s_tags.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            ProblemResponses(document);
            RequiredNotNull(document);
            // How partners authenticate at the gateway: shown, and usable, on the docs page.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "The partner's API key (ask the platform's administrators; ./platform up prints a local one).",
                },
                [BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from the region's OpenID Connect issuer, when the gateway is configured with one.",
                },
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        }));

    /// <summary>Every 4xx of every operation as a problem document; 401 and 403 on all (every route needs a credential and a role).</summary>
    private static void ProblemResponses(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["ProblemDetails"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; errors names each field at fault.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [];
        foreach (var operation in operations)
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid partner credential (API key or bearer token)" });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The partner's role or scope does not allow this" });
            foreach (var (status, response) in operation.Responses.Select(r => (r.Key, r.Value)))
            {
                if (status.StartsWith('4') && response is OpenApiResponse concrete
                    && (concrete.Content is null || !concrete.Content.ContainsKey("application/problem+json")))
                {
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                    };
                }
            }
        }
    }

    /// <summary>
    /// The input policy's converters (text, dates, enums by name) hide the types from the schema generator, which then
    /// writes an empty schema; this puts them back: text is a string, a date a string of format date, an enum a
    /// string among its names (the only values accepted).
    /// </summary>
    private static Task TypesBehindConverters(OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullable = schema.Type is { } declared && declared.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.Null : 0;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Enum = [.. Enum.GetNames(type).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))];
        }
        else if (type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String | nullable;
            schema.Format ??= type == typeof(DateOnly) ? "date" : type == typeof(string) ? null : "date-time";
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// What a request must carry, as declared on its type: a member marked <see cref="RequiredAttribute"/> (enforced by
    /// the validation filter, a 400 naming it when it is missing) is in <c>required</c> and its type admits no null; every
    /// other member is optional, and admits null where its CLR type does. Without this, the generator calls every
    /// constructor parameter without a default required, and types the value-type ones nullable.
    /// </summary>
    private static Task RequiredMembers(OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var members = context.JsonTypeInfo.Properties;
        var declared = members.Where(IsDeclaredRequired).Select(m => m.Name).ToList();
        if (declared.Count > 0)
        {
            schema.Required = new HashSet<string>(declared, StringComparer.Ordinal);
            schema.Metadata ??= new Dictionary<string, object>();
            schema.Metadata[DeclaredRequired] = true; // RequiredNotNull finishes the job once references exist
        }

        foreach (var member in members)
        {
            if (!properties.TryGetValue(member.Name, out var property))
            {
                continue;
            }

            if (declared.Contains(member.Name))
            {
                properties[member.Name] = WithoutNull(property);
            }
            else if (member.IsSetNullable && IsInline(member.PropertyType) && property is OpenApiSchema { Type: { } type } concrete && !type.HasFlag(JsonSchemaType.Null))
            {
                concrete.Type = type | JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }

    private const string DeclaredRequired = "platform:declared-required";

    /// <summary>
    /// Whether a member's schema is its own (a string, a number, a date, a list), not one shared through a reference (an
    /// enum, a record): null is added only to the former; a nullable reference becomes <c>oneOf: [null, $ref]</c> when
    /// the document is assembled, and the shared schema must not admit null itself.
    /// </summary>
    private static bool IsInline(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return !type.IsEnum && (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly)
            || typeof(System.Collections.IEnumerable).IsAssignableFrom(type));
    }

    /// <summary>
    /// The members of another schema (an enum, an object) become references only when the document is assembled, a
    /// nullable one as <c>oneOf: [null, $ref]</c>: for a declared required member, the reference alone.
    /// </summary>
    private static void RequiredNotNull(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Metadata?.ContainsKey(DeclaredRequired) != true || schema.Properties is null || schema.Required is null)
            {
                continue;
            }

            foreach (var name in schema.Required)
            {
                if (schema.Properties.TryGetValue(name, out var property))
                {
                    schema.Properties[name] = WithoutNull(property);
                }
            }
        }
    }

    private static bool IsDeclaredRequired(JsonPropertyInfo member) =>
        member.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
        || member.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;

    /// <summary>The schema of a required member: <c>type: [null, x]</c> becomes <c>x</c>, <c>oneOf: [null, $ref]</c> the reference alone.</summary>
    private static IOpenApiSchema WithoutNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema concrete)
        {
            return property;
        }

        if (concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            concrete.Type = type & ~JsonSchemaType.Null;
        }

        if (concrete.OneOf is { Count: 2 } oneOf && oneOf.Count(o => o is OpenApiSchema { Type: JsonSchemaType.Null }) == 1)
        {
            return oneOf.Single(o => o is not OpenApiSchema { Type: JsonSchemaType.Null });
        }

        return concrete;
    }
}
