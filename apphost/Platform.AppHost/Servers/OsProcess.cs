using System.Diagnostics;

namespace Platform.AppHost.Servers;

/// <summary>Short commands the AppHost runs itself (initdb, chown), with their output kept for the error message.</summary>
internal static class OsProcess
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output + await errors).Trim());
    }

    public static async Task RunOrThrowAsync(string what, string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync(file, arguments, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {exitCode}): {output}");
        }
    }

    /// <summary>
    /// The command line that runs <paramref name="binary"/> as <paramref name="user"/>: under root, through
    /// <c>setpriv</c>, which execs the server in place (the process Aspire watches is the server itself, so a stop
    /// reaches it); as a developer, the binary itself.
    /// </summary>
    public static (string Command, string[] Arguments) AsUser(string user, string binary, params string[] arguments) =>
        IsRoot
            ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", binary, .. arguments])
            : (binary, arguments);

    /// <summary>Gives a folder to the server's own user (under root; a developer owns their folders already).</summary>
    public static async Task OwnAsync(string user, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await RunOrThrowAsync($"chown of {directory} to {user}", "chown", ["-R", $"{user}:{user}", directory], cancellationToken);
        }
    }

    /// <summary>Fails with a clear message when a port is taken (by another checkout, or a system server).</summary>
    public static void EnsurePortFree(string resource, int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
        }
        catch (System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"{resource}: port {port} on 127.0.0.1 is already in use (another run of the platform, or a server of the machine). " +
                "Stop it, or move this run's ports with --Platform:PortOffset=100 (or Platform__PortOffset).");
        }
    }
}
