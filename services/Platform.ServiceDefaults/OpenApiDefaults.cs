using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiDefaults
{
    /// <summary>
    /// The service's OpenAPI document at <c>/openapi/v1.json</c>, without a <c>servers</c> list: partners read it
    /// through the gateway (<c>/openapi/{service}.json</c>), so calls made from the docs page go through the gateway too.
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services, string title) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = title;
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
}
