using k8s.Models;
using Platform.Testing;

namespace Platform.DeploymentTests;

public class ChartTests
{
    public static TheoryData<string> Values => [.. Helm.ValuesFiles];

    [Theory]
    [MemberData(nameof(Values))]
    public void Lints_clean(string valuesFile)
    {
        var (code, output) = Helm.Run("lint", Helm.Chart, "--strict", "-f", Path.Combine(Helm.Chart, valuesFile));
        Assert.True(code == 0, output);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Renders_objects_that_deserialize_strictly(string valuesFile)
    {
        var objects = Helm.Objects(valuesFile);
        Assert.Equal(5, objects.OfType<V1Deployment>().Count(d => d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway"));
        Assert.Contains(objects, o => o is V1Ingress);
        Assert.Equal(4, objects.OfType<V1Job>().Count());
    }

    [Theory]
    [InlineData("services.patients.replicas=two", "/services/patients/replicas")]
    [InlineData("image.tag=latest", "/image/tag")]
    [InlineData("gateway.exposure=nodePort", "/gateway/exposure")]
    [InlineData("services.funding.resources.limits.memory=lots", "/services/funding/resources/limits/memory")]
    [InlineData("unknownSetting=true", "unknownSetting")]
    [InlineData("gateway.tolerations[0].operator=Sometimes", "/gateway/tolerations/0/operator")]
    public void A_wrong_value_is_rejected_by_the_schema(string set, string path)
    {
        var (code, output) = Helm.Run("template", "platform", Helm.Chart, "--set", set);
        Assert.NotEqual(0, code);
        Assert.Contains(path, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_can_be_exposed_by_a_gateway_api_route_instead_of_an_ingress()
    {
        var yaml = Helm.Template("values.yaml", "--set", "gateway.exposure=httpRoute");
        Assert.Contains("kind: HTTPRoute", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: Ingress", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_can_be_given_nodes_of_its_own()
    {
        var deployments = Helm.Objects("values.yaml", "--set", "gateway.nodeSelector.pool=edge", "--set-json",
            "gateway.tolerations=[{\"key\":\"pool\",\"operator\":\"Equal\",\"value\":\"edge\",\"effect\":\"NoSchedule\"}]").OfType<V1Deployment>().ToList();

        var gateway = deployments.Single(d => d.Metadata.Name == "platform-gateway").Spec.Template.Spec;
        Assert.Equal("edge", gateway.NodeSelector["pool"]);
        var toleration = Assert.Single(gateway.Tolerations);
        Assert.Equal(("pool", "Equal", "edge", "NoSchedule"), (toleration.Key, toleration.OperatorProperty, toleration.Value, toleration.Effect));
        Assert.All(deployments.Where(d => d.Metadata.Name != "platform-gateway"), d => Assert.Null(d.Spec.Template.Spec.NodeSelector));
    }

    [Fact]
    public void Configuration_names_are_the_ones_of_local_runs()
    {
        var patients = Helm.Objects("values.yaml").OfType<V1Deployment>().Single(d => d.Metadata.Name == "platform-patients");
        var env = patients.Spec.Template.Spec.Containers[0].Env.Select(e => e.Name).ToHashSet();
        foreach (var name in new[]
                 {
                     "ConnectionStrings__patientsdb", "ConnectionStrings__messaging", "Kestrel__Endpoints__Http__Url", "Kestrel__Endpoints__Grpc__Url",
                     "services__missions__grpc__0", "services__coordination__http__0", "Patients__Pseudonyms__Key",
                 })
        {
            Assert.Contains(name, env);
        }

        var fromSecret = patients.Spec.Template.Spec.Containers[0].Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.Name);
        Assert.Contains("ConnectionStrings__patientsdb", fromSecret);

        // The identity encryption keys (Patients__Protection__*) reach the Patients pods and their migration job, no other pod.
        var objects = Helm.Objects("values.yaml").ToList();
        Assert.Equal("platform-patient-keys", Assert.Single(patients.Spec.Template.Spec.Containers[0].EnvFrom).SecretRef.Name);
        var migration = objects.OfType<V1Job>().Single(j => j.Metadata.Name == "platform-migrate-patients");
        Assert.Equal("platform-patient-keys", Assert.Single(migration.Spec.Template.Spec.Containers[0].EnvFrom).SecretRef.Name);
        Assert.All(objects.OfType<V1Deployment>().Where(d => d.Metadata.Name is not ("platform-patients" or "platform-gateway")),
            d => Assert.Null(d.Spec.Template.Spec.Containers[0].EnvFrom));
    }

    [Fact]
    public void Every_signal_names_its_service_version_environment_and_pod()
    {
        var deployments = Helm.Objects("values.yaml", "--set", "telemetry.environment=staging", "--set", "image.tag=1.4.2").OfType<V1Deployment>()
            .Where(d => d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway").ToList();

        Assert.Equal(5, deployments.Count);
        Assert.All(deployments, d =>
        {
            var env = d.Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name);
            Assert.Equal(d.Metadata.Labels["app.kubernetes.io/name"], env["OTEL_SERVICE_NAME"].Value);
            var attributes = env["OTEL_RESOURCE_ATTRIBUTES"].Value.Split(',').Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
            Assert.Equal(("1.4.2", "staging", "$(POD_NAME)", "$(POD_NAMESPACE)", "$(NODE_NAME)", d.Metadata.Name),
                (attributes["service.version"], attributes["deployment.environment"], attributes["k8s.pod.name"], attributes["k8s.namespace.name"], attributes["k8s.node.name"], attributes["k8s.deployment.name"]));
            Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath); // declared before it is referenced
            Assert.True(env.Keys.ToList().IndexOf("POD_NAME") < env.Keys.ToList().IndexOf("OTEL_RESOURCE_ATTRIBUTES"));
        });
    }

    [Fact]
    public void Migrations_run_as_a_hook_before_install_and_upgrade()
    {
        foreach (var job in Helm.Objects("values.yaml").OfType<V1Job>())
        {
            Assert.Equal("pre-install,pre-upgrade", job.Metadata.Annotations["helm.sh/hook"]);
            Assert.Equal(["migrate"], job.Spec.Template.Spec.Containers[0].Args);
        }
    }

    [Fact]
    public void The_cluster_manifests_deserialize_strictly_and_enforce_restricted_pods()
    {
        var objects = Directory.GetFiles(RepositoryRoot.File("k8s"), "*.yaml")
            .SelectMany(f => k8s.KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true)).ToList();
        var ns = Assert.Single(objects.OfType<V1Namespace>());
        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        Assert.Single(objects.OfType<V1ResourceQuota>());
        Assert.Single(objects.OfType<V1LimitRange>());
    }
}
