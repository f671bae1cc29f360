using System.Reflection;

namespace Platform.Coordination.Dashboard;

/// <summary>
/// The coordinator's indicators page: a static shell (HTML, CSS, script) with no data in it. The script asks for
/// the partner's API key and reads the same JSON routes a partner application would, through the gateway; the key
/// stays in the tab's session storage.
/// </summary>
public static class DashboardEndpoints
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> s_files = Load();

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/coordination/{file?}", (string? file, HttpContext http) =>
        {
            if (!s_files.TryGetValue(file ?? "index.html", out var page))
            {
                return Results.NotFound();
            }

            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-cache";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(page.Content, page.Type);
        }).ExcludeFromDescription().AllowAnonymous(); // the page shell: its data comes from the API, with the partner's key
        return app;
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("dashboard/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = name["dashboard/".Length..];
            var type = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            };
            files[file] = (buffer.ToArray(), type);
        }

        return files;
    }
}
