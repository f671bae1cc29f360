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

    private static readonly string[] s_alerts =
    [
        "PlatformHostDown", "PlatformDependencyUnhealthy", "PlatformGatewayErrors", "PlatformPartnerThrottled",
        "PlatformErrorQueueNotEmpty", "PlatformOutboxLagging", "PlatformOutboxEventsSetAside", "PlatformOutboxDispatchFailing",
    ];

    [Fact]
    public void Monitoring_ships_a_service_monitor_the_alerts_and_the_dashboards_all_optional()
    {
        var yaml = Helm.Template("values.yaml", "--set", "monitoring.serviceMonitor.enabled=true", "--set", "monitoring.prometheusRule.enabled=true",
            "--set", "monitoring.dashboards.enabled=true", "--set", "monitoring.prometheusRule.labels.release=kube-prometheus");
        var deserializer = new YamlDotNet.Serialization.Deserializer();
        var documents = yaml.Split("\n---").Select(deserializer.Deserialize<Dictionary<object, object>?>).OfType<Dictionary<object, object>>().ToList();
        Dictionary<object, object> Single(string kind) => Assert.Single(documents, d => (string)d["kind"] == kind);
        static T At<T>(object node, params object[] path) => (T)path.Aggregate(node, (n, key) => key is int i ? ((List<object>)n)[i] : ((Dictionary<object, object>)n)[key]);

        var monitor = Single("ServiceMonitor");
        Assert.Equal("metrics", At<string>(monitor, "spec", "endpoints", 0, "port"));
        Assert.Equal("app.kubernetes.io/name", At<string>(monitor, "spec", "jobLabel")); // job = gateway, patients…, as the alerts say

        var rule = Single("PrometheusRule");
        Assert.Equal("kube-prometheus", At<string>(rule, "metadata", "labels", "release"));
        var rules = At<List<object>>(rule, "spec", "groups").SelectMany(g => At<List<object>>(g, "rules")).ToList();
        Assert.Equal(s_alerts.Order(), rules.Select(r => At<string>(r, "alert")).Order());
        var operations = File.ReadAllText(RepositoryRoot.File("docs", "operations.md"));
        Assert.Equal("{{ $labels.queue }} holds {{ $value }} message(s)", At<string>(rules.Single(r => At<string>(r, "alert") == "PlatformErrorQueueNotEmpty"), "annotations", "summary")); // Prometheus' templates, not Helm's
        Assert.All(rules, r =>
        {
            Assert.DoesNotContain("<no value>", At<string>(r, "annotations", "summary") + At<string>(r, "annotations", "description"), StringComparison.Ordinal);
            var runbook = At<string>(r, "annotations", "runbook");
            Assert.Contains($"### {At<string>(r, "alert")}", operations, StringComparison.Ordinal); // each alert explained, with what to do
            Assert.Equal($"docs/operations.md#{At<string>(r, "alert").ToLowerInvariant()}", runbook);
            Assert.Contains("namespace=\"medical-deserts\"", At<string>(r, "expr"), StringComparison.Ordinal);
        });

        var dashboards = documents.Where(d => (string)d["kind"] == "ConfigMap" && At<Dictionary<object, object>>(d, "metadata", "labels").ContainsKey("grafana_dashboard")).ToList();
        Assert.Equal(["event-pipeline", "gateway", "services", "territory"], dashboards.Select(d => At<string>(d, "metadata", "name").Replace("platform-dashboard-", "", StringComparison.Ordinal)).Order());
        Assert.All(dashboards, d =>
        {
            var json = System.Text.Json.JsonDocument.Parse((string)At<Dictionary<object, object>>(d, "data").Values.Single()).RootElement;
            Assert.True(json.GetProperty("panels").GetArrayLength() >= 7);
            Assert.All(json.GetProperty("panels").EnumerateArray(), p => Assert.NotEmpty(p.GetProperty("targets").EnumerateArray()));
        });

        var (code, output) = Helm.Run("template", "platform", Helm.Chart, "--set", "monitoring.prometheusRule.enabled=true", "--set", "monitoring.metrics.enabled=false");
        Assert.NotEqual(0, code);
        Assert.Contains("need monitoring.metrics.enabled", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bearer_tokens_are_configured_from_values_with_an_egress_to_the_issuer_only()
    {
        var objects = Helm.Objects("values.yaml", "--set", "gateway.jwt.authority=https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet",
            "--set", "gateway.jwt.professionals.enabled=true", "--set-json", "gateway.jwt.professionals.professions=[\"10\",\"60\"]",
            "--set-json", "networkPolicy.oidc.cidrs=[\"203.0.113.0/24\"]");
        var env = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "platform-gateway").Spec.Template.Spec.Containers[0].Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet", env["Gateway__Jwt__Authority"]);
        Assert.Equal(("platform-gateway", "azp", "role", "platform_scope"), (env["Gateway__Jwt__Audience"], env["Gateway__Jwt__PartnerClaim"], env["Gateway__Jwt__RoleClaim"], env["Gateway__Jwt__ScopeClaim"]));
        Assert.Equal(("true", "10", "60"), (env["Gateway__Jwt__Professionals__Enabled"], env["Gateway__Jwt__Professionals__Professions__0"], env["Gateway__Jwt__Professionals__Professions__1"]));
        var egress = objects.OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "platform-gateway").Spec.Egress;
        Assert.Contains(egress, rule => rule.To.Any(t => t.IpBlock?.Cidr == "203.0.113.0/24") && rule.Ports.Single().Port.Value == "443");
        Assert.All(objects.OfType<V1NetworkPolicy>().Where(p => p.Metadata.Name != "platform-gateway"),
            p => Assert.DoesNotContain(p.Spec.Egress ?? [], rule => rule.To?.Any(t => t.IpBlock?.Cidr == "203.0.113.0/24") == true)); // the gateway alone

        var keysOnly = Helm.Objects("values.yaml").OfType<V1Deployment>().Single(d => d.Metadata.Name == "platform-gateway").Spec.Template.Spec.Containers[0].Env;
        Assert.DoesNotContain(keysOnly, e => e.Name.StartsWith("Gateway__Jwt__", StringComparison.Ordinal));
        var (code, output) = Helm.Run("template", "platform", Helm.Chart, "--set", "gateway.jwt.authority=http://issuer.example");
        Assert.NotEqual(0, code); // an issuer's keys over plain HTTP: refused
        Assert.Contains("/gateway/jwt/authority", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_grpc_passthrough_is_exposed_on_a_host_of_its_own_by_ingress_or_grpc_route()
    {
        var ingress = Helm.Objects("values.yaml", "--set", "gateway.grpc.enabled=true", "--set", "gateway.grpc.host=grpc.platform.test").OfType<V1Ingress>()
            .Single(i => i.Metadata.Name == "platform-gateway-grpc");
        Assert.Equal("GRPC", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/backend-protocol"]);
        Assert.Equal(("grpc.platform.test", "grpc"), (ingress.Spec.Rules.Single().Host, ingress.Spec.Rules.Single().Http.Paths.Single().Backend.Service.Port.Name));
        Assert.Equal("grpc.platform.test", ingress.Spec.Tls.Single().Hosts.Single());

        var route = Helm.Template("values.yaml", "--set", "gateway.grpc.enabled=true", "--set", "gateway.exposure=httpRoute", "--set", "gateway.grpc.host=grpc.platform.test");
        Assert.Contains("kind: GRPCRoute", route, StringComparison.Ordinal);
        Assert.Matches(@"kind: GRPCRoute[\s\S]*hostnames: \[""grpc.platform.test""\][\s\S]*port: 81", route);
        Assert.DoesNotContain("GRPCRoute", Helm.Template("values.yaml"), StringComparison.Ordinal); // off by default
    }

    [Fact]
    public void Each_host_may_have_its_own_image_digest_environment_annotations_and_affinity()
    {
        const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var deployments = Helm.Objects("values.yaml",
            "--set", $"services.patients.image.digest={Digest}", "--set", "services.missions.image.repository=mirror.region.fr/platform/missions",
            "--set", "services.missions.image.tag=0.1.1", "--set", "gateway.image.tag=0.1.2",
            "--set-json", "services.funding.extraEnv=[{\"name\":\"Logging__LogLevel__Default\",\"value\":\"Debug\"}]",
            "--set", "services.coordination.podAnnotations.backup\\.velero\\.io/backup-volumes=none",
            "--set-json", "gateway.affinity={\"podAntiAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":[{\"weight\":100,\"podAffinityTerm\":{\"topologyKey\":\"kubernetes.io/hostname\",\"labelSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"gateway\"}}}}]}}")
            .OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        string Image(string name) => deployments[$"platform-{name}"].Spec.Template.Spec.Containers[0].Image;

        Assert.Equal($"registry.example.org/medical-deserts/platform-patients:0.1.0@{Digest}", Image("patients"));
        Assert.Equal("mirror.region.fr/platform/missions:0.1.1", Image("missions"));
        Assert.Equal("registry.example.org/medical-deserts/platform-gateway:0.1.2", Image("gateway"));
        Assert.Equal("registry.example.org/medical-deserts/platform-funding:0.1.0", Image("funding"));
        Assert.Contains(deployments["platform-funding"].Spec.Template.Spec.Containers[0].Env, e => e.Name == "Logging__LogLevel__Default" && e.Value == "Debug");
        Assert.DoesNotContain(deployments["platform-patients"].Spec.Template.Spec.Containers[0].Env, e => e.Name == "Logging__LogLevel__Default");
        Assert.Equal("none", deployments["platform-coordination"].Spec.Template.Metadata.Annotations["backup.velero.io/backup-volumes"]);
        Assert.Null(deployments["platform-patients"].Spec.Template.Metadata.Annotations);
        Assert.Equal(100, deployments["platform-gateway"].Spec.Template.Spec.Affinity.PodAntiAffinity.PreferredDuringSchedulingIgnoredDuringExecution.Single().Weight);
        Assert.Null(deployments["platform-missions"].Spec.Template.Spec.Affinity);

        var (code, output) = Helm.Run("template", "platform", Helm.Chart, "--set", "services.patients.image.digest=latest");
        Assert.NotEqual(0, code);
        Assert.Contains("/services/patients/image/digest", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_object_and_pod_carries_the_standard_labels_with_the_version()
    {
        var yaml = Helm.Template("values.yaml", "--set", "image.tag=0.2.0");
        var objects = Helm.Objects("values.yaml", "--set", "image.tag=0.2.0");
        var metadata = objects.Select(o => (V1ObjectMeta)o.GetType().GetProperty("Metadata")!.GetValue(o)!).ToList();
        Assert.All(metadata, m =>
        {
            Assert.Equal("0.2.0", m.Labels["app.kubernetes.io/version"]);
            Assert.Equal("platform", m.Labels["app.kubernetes.io/part-of"]);
            Assert.Equal("Helm", m.Labels["app.kubernetes.io/managed-by"]);
            Assert.Equal("platform", m.Labels["app.kubernetes.io/instance"]);
        });
        Assert.All(objects.OfType<V1Deployment>(), d => Assert.Equal("0.2.0", d.Spec.Template.Metadata.Labels["app.kubernetes.io/version"]));
        Assert.DoesNotContain("app.kubernetes.io/version", string.Join(",", objects.OfType<V1Deployment>().SelectMany(d => d.Spec.Selector.MatchLabels.Keys)), StringComparison.Ordinal); // selectors survive upgrades
        Assert.NotEmpty(yaml);
    }

    [Fact]
    public void Helm_test_checks_health_a_keyed_call_and_a_refused_one_and_notes_say_how_to_run_it()
    {
        var objects = Helm.Objects("values.yaml");
        var test = Assert.Single(objects.OfType<V1Pod>());
        Assert.Equal("test", test.Metadata.Annotations["helm.sh/hook"]);
        var container = test.Spec.Containers.Single();
        var script = string.Join("\n", container.Args);
        Assert.Contains("http://platform-gateway", script, StringComparison.Ordinal);
        Assert.Contains("$base/health", script, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key: $API_KEY", script, StringComparison.Ordinal);
        Assert.Equal(("platform-helm-test", "api-key"), (container.Env.Single().ValueFrom.SecretKeyRef.Name, container.Env.Single().ValueFrom.SecretKeyRef.Key));
        var egress = objects.OfType<V1NetworkPolicy>().Single(p => p.Metadata.Name == "platform-helm-test");
        Assert.Equal("gateway", egress.Spec.Egress.Single().To.Single().PodSelector.MatchLabels["app.kubernetes.io/name"]);

        var (code, notes) = Helm.Run("install", "platform", Helm.Chart, "--dry-run=client", "--namespace", "medical-deserts", "--set", "gateway.grpc.enabled=true");
        Assert.True(code == 0, notes);
        Assert.Contains("helm test platform -n medical-deserts", notes, StringComparison.Ordinal);
        Assert.Contains("https://platform.example.org", notes, StringComparison.Ordinal);
        Assert.Contains("gRPC: grpc.platform.example.org:443", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_host_serves_metrics_on_a_port_only_the_monitoring_namespace_reaches()
    {
        var objects = Helm.Objects("values.yaml");
        var hosts = objects.OfType<V1Deployment>().Where(d => d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway").ToList();
        Assert.Equal(5, hosts.Count);
        Assert.All(hosts, d =>
        {
            var container = d.Spec.Template.Spec.Containers[0];
            Assert.Contains(container.Ports, p => p.Name == "metrics" && p.ContainerPort == 9464);
            Assert.Equal("http://+:9464", container.Env.Single(e => e.Name == "Kestrel__Endpoints__Metrics__Url").Value);
        });
        Assert.Equal(5, objects.OfType<V1Service>().Count(s => s.Spec.Ports.Any(p => p.Name == "metrics" && p.Port == 9464)));
        var policies = objects.OfType<V1NetworkPolicy>().Where(p => p.Metadata.Name is "platform-gateway" or "platform-services").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.Contains(p.Spec.Ingress, rule =>
            rule.FromProperty.Single().NamespaceSelector?.MatchLabels["kubernetes.io/metadata.name"] == "monitoring" && rule.Ports.Single().Port.Value == "9464"));
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
