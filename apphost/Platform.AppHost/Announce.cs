using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost;

/// <summary>What a newcomer needs once the gateway answers: where to call it, and where the keys are.</summary>
internal static class Announce
{
    public static async Task Gateway(IServiceProvider services, ProjectResource gateway, PartnerKeys keys)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform");
        var http = await gateway.GetEndpoint("http").GetValueAsync();
        var grpc = await gateway.GetEndpoint("grpc").GetValueAsync();
        logger.LogInformation("""
            The platform is up.
              Gateway (partners call this)  {Gateway}   gRPC (HTTP/2): {Grpc}
              API docs                      {Gateway}/docs
              CPTS indicators page          {Gateway}/coordination/
              Your API key (platform-admin) {Secrets}/gateway-api-key
              One demo key per role         {Keys}
              Try: curl -H "X-Api-Key: $(cat {Secrets}/gateway-api-key)" '{Gateway}/api/coordination/indicators?commune=53130'
            """, http, grpc, http, http, Path.GetDirectoryName(keys.File) + "/secrets", keys.File,
            Path.GetDirectoryName(keys.File) + "/secrets", http);
    }
}
