using k8s.Models;

namespace Platform.DeploymentTests;

/// <summary>What a security reviewer checks, over every rendered object of every values file.</summary>
public class PolicyTests
{
    public static TheoryData<string> Values => [.. Helm.ValuesFiles];

    /// <summary>Every pod the chart makes: Deployments', Jobs' (migrations), and bare Pods (the helm test).</summary>
    private static IEnumerable<(string Owner, V1PodSpec Pod, IDictionary<string, string> Labels)> Pods(List<object> objects) =>
        objects.OfType<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template.Spec, d.Spec.Template.Metadata.Labels))
            .Concat(objects.OfType<V1Job>().Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template.Spec, j.Spec.Template.Metadata.Labels)))
            .Concat(objects.OfType<V1Pod>().Select(p => ($"Pod/{p.Metadata.Name}", p.Spec, p.Metadata.Labels)));

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_container_is_locked_down(string valuesFile)
    {
        var pods = Pods(Helm.Objects(valuesFile)).ToList();
        Assert.Contains(pods, p => p.Owner.StartsWith("Pod/", StringComparison.Ordinal)); // the helm test is checked too
        foreach (var (owner, pod, _) in pods)
        {
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{owner}: service account token mounted");
            Assert.True(pod.SecurityContext?.RunAsNonRoot, $"{owner}: pod may run as root");
            Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
            foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{owner}/{c.Name}";
                Assert.True(c.SecurityContext?.ReadOnlyRootFilesystem, $"{where}: root filesystem writable");
                Assert.False(c.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{where}: privilege escalation");
                Assert.Equal(["ALL"], c.SecurityContext?.Capabilities?.Drop);
                Assert.True(c.SecurityContext?.Privileged is null or false, $"{where}: privileged");
                Assert.NotNull(c.Resources?.Requests);
                Assert.NotNull(c.Resources?.Limits);
                Assert.True(c.Resources!.Limits.ContainsKey("memory") && c.Resources.Limits.ContainsKey("cpu"), $"{where}: no limits");
                Assert.DoesNotContain(":latest", c.Image, StringComparison.Ordinal);
                Assert.Contains(":", c.Image.Split('/')[^1], StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_long_running_container_has_probes(string valuesFile)
    {
        foreach (var d in Helm.Objects(valuesFile).OfType<V1Deployment>())
        {
            foreach (var c in d.Spec.Template.Spec.Containers)
            {
                Assert.True(c.ReadinessProbe is not null && c.LivenessProbe is not null, $"{d.Metadata.Name}/{c.Name}: probes missing");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Platform_probes_use_health_for_readiness_and_alive_for_liveness(string valuesFile)
    {
        foreach (var d in Helm.Objects(valuesFile).OfType<V1Deployment>().Where(d => d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway"))
        {
            var c = d.Spec.Template.Spec.Containers[0];
            Assert.Equal("/health", c.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", c.LivenessProbe.HttpGet.Path);
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_deployment_has_a_disruption_budget_and_the_platform_ones_an_autoscaler(string valuesFile)
    {
        var objects = Helm.Objects(valuesFile);
        var pdbs = objects.OfType<V1PodDisruptionBudget>().ToList();
        var hpas = objects.OfType<V2HorizontalPodAutoscaler>().ToList();
        foreach (var d in objects.OfType<V1Deployment>())
        {
            var labels = d.Spec.Template.Metadata.Labels;
            Assert.Contains(pdbs, p => p.Spec.Selector.MatchLabels.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value));
            if (d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway")
            {
                Assert.Contains(hpas, h => h.Spec.ScaleTargetRef.Name == d.Metadata.Name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_pod_is_covered_by_a_default_deny_network_policy(string valuesFile)
    {
        var objects = Helm.Objects(valuesFile);
        var denyAll = objects.OfType<V1NetworkPolicy>().Where(n => n.Spec.Ingress is null && n.Spec.Egress is null
            && n.Spec.PolicyTypes.Contains("Ingress") && n.Spec.PolicyTypes.Contains("Egress")).ToList();
        Assert.NotEmpty(denyAll);
        foreach (var (owner, _, labels) in Pods(objects))
        {
            Assert.Contains(denyAll, n => n.Spec.PodSelector.MatchLabels.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void No_secret_is_generated_from_values(string valuesFile)
    {
        Assert.Empty(Helm.Objects(valuesFile).OfType<V1Secret>());
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Services_spread_across_zones_when_asked(string valuesFile)
    {
        var objects = Helm.Objects(valuesFile);
        var spread = valuesFile != "values-dev.yaml";
        foreach (var d in objects.OfType<V1Deployment>().Where(d => d.Metadata.Labels["app.kubernetes.io/component"] is "service" or "gateway"))
        {
            Assert.Equal(spread, d.Spec.Template.Spec.TopologySpreadConstraints?.Any(t => t.TopologyKey == "topology.kubernetes.io/zone") ?? false);
        }
    }
}
