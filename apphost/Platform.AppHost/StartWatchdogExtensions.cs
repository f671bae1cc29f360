using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost;

/// <summary>Registers the start watchdog and starts it with the run.</summary>
internal static class StartWatchdogExtensions
{
    public static void AddStartWatchdog(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<StartWatchdog>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            e.Services.GetRequiredService<StartWatchdog>().Start();
            return Task.CompletedTask;
        });
    }
}
