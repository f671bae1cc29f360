using Microsoft.Extensions.Hosting.Internal;
using OpenTelemetry.Resources;
using Platform.ServiceDefaults;

namespace Platform.UnitTests;

/// <summary>Every signal names its sender the way the AppHost and the chart name it, with its version and environment.</summary>
public class TelemetryResourceTests
{
    public static TheoryData<Type, string> Hosts => new()
    {
        { typeof(Platform.Patients.PatientsDbContext), "patients" },
        { typeof(Platform.Missions.MissionsDbContext), "missions" },
        { typeof(Platform.Funding.FundingDbContext), "funding" },
        { typeof(Platform.Coordination.CoordinationDbContext), "coordination" },
        { typeof(Platform.Gateway.Partners.Roles), "gateway" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Each_host_is_named_as_the_apphost_and_the_chart_name_it_even_when_its_assembly_is_renamed(Type host, string name)
    {
        Assert.Equal(name, TelemetryResource.ServiceName(host.Assembly, applicationName: "app")); // container builds name every assembly app.dll
    }

    [Fact]
    public void The_resource_states_the_service_its_version_and_its_environment()
    {
        var environment = new HostingEnvironment { EnvironmentName = "Production", ApplicationName = "Platform.Missions" };

        var attributes = TelemetryResource.Describe(ResourceBuilder.CreateEmpty(), environment).Build().Attributes
            .ToDictionary(a => a.Key, a => a.Value.ToString());

        Assert.Equal("platform", attributes["service.namespace"]);
        Assert.Equal("production", attributes["deployment.environment"]);
        Assert.Equal("production", attributes["deployment.environment.name"]);
        Assert.Matches(@"^\d+\.\d+\.\d+", attributes["service.version"]);
        Assert.False(string.IsNullOrEmpty(attributes["service.name"]));
    }
}
