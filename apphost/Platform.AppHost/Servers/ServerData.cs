using System.Security.Cryptography;
using System.Text;

namespace Platform.AppHost.Servers;

/// <summary>
/// Where local servers keep their data: <c>.local/</c> of this checkout. Under root, PostgreSQL and RabbitMQ run as
/// their own users, who cannot enter a checkout under a private home (<c>/root/…</c>); their data then goes to a
/// folder of this checkout's own in <c>/var/tmp</c>. Each data folder records the checkout and the password it was
/// made with, so a folder left by another checkout, or secrets that changed, are named instead of failing later.
/// </summary>
internal sealed class ServerData(PlatformSettings settings)
{
    private string? _root;

    public async Task<string> DirectoryOfAsync(string server, CancellationToken cancellationToken)
    {
        _root ??= await ResolveRootAsync(cancellationToken);
        return Path.Combine(_root, server);
    }

    private async Task<string> ResolveRootAsync(CancellationToken cancellationToken)
    {
        if (!OsProcess.IsRoot)
        {
            return settings.DataDirectory;
        }

        var nearest = settings.DataDirectory;
        while (!Directory.Exists(nearest) && Path.GetDirectoryName(nearest) is { } parent)
        {
            nearest = parent;
        }

        var (exitCode, _) = await OsProcess.RunAsync("setpriv",
            ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", "test", "-x", nearest], cancellationToken);
        if (exitCode == 0)
        {
            return settings.DataDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings.DataDirectory)))[..12];
        return $"/var/tmp/platform-{hash}";
    }

    /// <summary>
    /// Checks (or, for a new folder, writes) the record of who made a server's data: this data folder, and a hash of
    /// the password. A mismatch stops the server before it starts, with what to do.
    /// </summary>
    public static void CheckOwner(string resource, string directory, string password)
    {
        var record = Path.Combine(directory, ".platform-owner");
        var expected = $"data: {directory}\npassword-sha256: {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)))}\n";
        if (!File.Exists(record))
        {
            File.WriteAllText(record, expected);
            return;
        }

        if (File.ReadAllText(record) != expected)
        {
            throw new InvalidOperationException(
                $"{resource}: the data in {directory} was made by another checkout or with another password than the one in " +
                "the secrets (.local/secrets). Remove that folder to start afresh, or restore the secrets that made it.");
        }
    }
}
