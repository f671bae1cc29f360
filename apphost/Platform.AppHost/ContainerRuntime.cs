using System.Diagnostics;

namespace Platform.AppHost;

/// <summary>Whether a container runtime answers on this machine (docker or podman, as Aspire would use).</summary>
internal static class ContainerRuntime
{
    public static bool Answers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
