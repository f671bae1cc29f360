using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost;

/// <summary>
/// <c>apphost.pid</c> in the data folder while a run lasts, so <c>./platform down</c> can stop it from another
/// terminal (SIGTERM: the AppHost then stops every process it started).
/// </summary>
internal static class PidFile
{
    public static void Keep(DistributedApplication app, PlatformSettings settings)
    {
        var file = Path.Combine(settings.DataDirectory, "apphost.pid");
        Directory.CreateDirectory(settings.DataDirectory);
        PrivateFile.Write(file, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => File.Delete(file));
    }
}
