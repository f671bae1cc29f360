using System.Reflection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;

namespace Platform.ServiceDefaults;

/// <summary>
/// What every signal says of its sender, however the host runs: <c>service.name</c> (patients, missions, funding,
/// coordination, gateway), <c>service.version</c> (the build's informational version), <c>service.namespace</c>
/// (platform) and <c>deployment.environment</c> (the host environment, lower case). The standard variables come last
/// and win: the AppHost sets <c>OTEL_SERVICE_NAME</c> and the instance id, the Helm chart adds the version of the image,
/// the environment of the release and the Kubernetes attributes (<c>k8s.pod.name</c>, <c>k8s.namespace.name</c>,
/// <c>k8s.node.name</c>, <c>k8s.deployment.name</c>) through <c>OTEL_RESOURCE_ATTRIBUTES</c>.
/// </summary>
public static class TelemetryResource
{
    /// <summary>Assembly metadata stamped on every project by Directory.Build.props: its project name, even when a container build renames the assembly.</summary>
    public const string ProjectMetadata = "PlatformProject";

    public static ResourceBuilder Describe(ResourceBuilder resource, IHostEnvironment environment, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(environment);
        var entry = Assembly.GetEntryAssembly();
        var version = entry?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var deployment = environment.EnvironmentName.ToLowerInvariant();
        return resource
            .AddService(ServiceName(entry, environment.ApplicationName), serviceNamespace: "platform", serviceVersion: version,
                autoGenerateServiceInstanceId: instanceId is null, serviceInstanceId: instanceId)
            .AddAttributes([new("deployment.environment", deployment), new("deployment.environment.name", deployment)])
            .AddEnvironmentVariableDetector();
    }

    /// <summary>"Platform.Patients" → "patients": the name the AppHost, the chart and service discovery use.</summary>
    public static string ServiceName(Assembly? entry, string applicationName)
    {
        var project = entry?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == ProjectMetadata)?.Value ?? applicationName;
        var name = project.StartsWith("Platform.", StringComparison.Ordinal) ? project["Platform.".Length..] : project;
        return name.ToLowerInvariant();
    }
}
