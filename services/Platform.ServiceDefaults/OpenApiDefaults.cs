using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiDefaults
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    /// <summary>
    /// The service's OpenAPI document at <c>/openapi/v1.json</c>, without a <c>servers</c> list: partners read it
    /// through the gateway (<c>/openapi/{service}.json</c>), so calls made from the docs page go through the gateway too.
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(o => o.AddSchemaTransformer(TypesBehindConverters).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Servers?.Clear();
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
}
