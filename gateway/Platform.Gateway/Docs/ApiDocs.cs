using Platform.ServiceDefaults;
using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

public static class ApiDocs
{
    /// <summary>The services whose OpenAPI documents the gateway serves at <c>/openapi/{service}.json</c> (proxied).</summary>
    public static readonly string[] Services = ["patients", "missions", "funding", "coordination"];

    /// <summary>One Scalar page at <c>/docs</c> with every service's OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Medical deserts platform — partner API");
            options.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            options.AddPreferredSecuritySchemes(OpenApiDefaults.ApiKeyScheme); // the docs page asks for the key and sends it
            foreach (var service in Services)
            {
                options.AddDocument(service, char.ToUpperInvariant(service[0]) + service[1..]);
            }
        });
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        return app;
    }
}
