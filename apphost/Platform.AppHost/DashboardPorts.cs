using System.Globalization;

namespace Platform.AppHost;

/// <summary>
/// The dashboard's own ports (its page, its OTLP and resource-service endpoints) come from the launch profile; with
/// <c>Platform:PortOffset</c> they move like every other well-known port, so a second checkout's dashboard does not
/// collide with the first's. Applied before the builder reads them.
/// </summary>
internal static class DashboardPorts
{
    private static readonly string[] s_variables = ["ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"];

    public static void Shift(string[] args)
    {
        if (!int.TryParse(PlatformSettings.Early(args, "PortOffset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset) || offset == 0)
        {
            return;
        }

        foreach (var variable in s_variables)
        {
            if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } value)
            {
                continue;
            }

            var shifted = string.Join(';', value.Split(';').Select(url =>
                Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsDefaultPort
                    ? new UriBuilder(uri) { Port = uri.Port + offset }.Uri.ToString().TrimEnd('/')
                    : url));
            Environment.SetEnvironmentVariable(variable, shifted);
        }
    }
}
