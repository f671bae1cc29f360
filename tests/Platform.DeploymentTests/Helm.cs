using System.Diagnostics;
using k8s;
using Platform.Testing;

namespace Platform.DeploymentTests;

/// <summary>Runs the real helm binary (PLATFORM_HELM, installed by ./platform test) on helm/platform.</summary>
public static class Helm
{
    public static readonly string Chart = RepositoryRoot.File("helm", "platform");

    public static readonly string[] ValuesFiles = ["values.yaml", "values-dev.yaml", "values-pays-de-la-loire.yaml"];

    private static string Binary => Environment.GetEnvironmentVariable("PLATFORM_HELM") is { Length: > 0 } helm
        ? helm
        : throw new InvalidOperationException("PLATFORM_HELM is not set: run the tests with ./platform test, which installs helm.");

    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Binary, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    public static string Template(string valuesFile, params string[] extra)
    {
        var (code, output) = Run(["template", "platform", Chart, "--namespace", "medical-deserts", "-f", Path.Combine(Chart, valuesFile), .. extra]);
        Assert.True(code == 0, output);
        return output;
    }

    /// <summary>Every rendered object, deserialized strictly: an unknown field or a wrong type fails.</summary>
    public static List<object> Objects(string valuesFile, params string[] extra) =>
        KubernetesYaml.LoadAllFromString(Template(valuesFile, extra), strict: true).ToList();
}
