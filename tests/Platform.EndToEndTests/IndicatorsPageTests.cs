using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>
/// The coordinator's indicators page, through the gateway, in a real headless Chromium: it asks for the key, shows the
/// territory's communes, moves a figure within 2 s of a registration, and explains Laval's red-zone verdict.
/// </summary>
[Collection(nameof(RunningPlatform))]
public class IndicatorsPageTests(RunningPlatform platform)
{
    [Fact]
    public async Task The_page_shows_the_territory_and_its_figures_move_within_two_seconds()
    {
        using var gateway = platform.CreateGatewayClient();
        var commune = Communes.Unique();
        var territory = await gateway.PostAsJsonAsync("/api/coordination/territories", new
        {
            name = $"CPTS du test {commune}",
            communes = new[] { new { code = commune, name = "Saint-Test-sur-Mayenne", population = 4000 } },
        });
        Assert.Equal(HttpStatusCode.Created, territory.StatusCode);
        var territoryId = (await territory.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var classify = await gateway.PostAsJsonAsync("/api/coordination/zones/classify", new
        {
            code = "53130", name = "Laval", kind = "Commune", population = 50000, gps = 30,
            aldPrevalencePercent = 21.5, emergencyMinutes = 10, youngGpSharePercent = 12, medianIncome = 20400,
        });
        Assert.Equal(HttpStatusCode.OK, classify.StatusCode);

        await using var browser = await HeadlessBrowser.StartAsync();
        await browser.NavigateAsync(new Uri(platform.Gateway.BaseAddress, $"/coordination/?territory={territoryId}"));
        await Eventually.UntilAsync(() => browser.ExecuteAsync("return !document.getElementById('login').hidden;"), v => v?.GetValue<bool>() == true);

        await browser.TypeAsync("#api-key", "not-the-key");
        await browser.ClickAsync("#login-button");
        await Eventually.UntilAsync(() => browser.TextAsync("#login-error"), t => t == "Clé refusée.");

        await browser.TypeAsync("#api-key", platform.ApiKey);
        await browser.ClickAsync("#login-button");
        var cell = $"tr[data-commune='{commune}'] td[data-field='patientsWithoutGp']";
        Assert.Equal("0", await Eventually.UntilAsync(() => browser.TextAsync(cell), t => t is not null));
        Assert.Contains("Saint-Test-sur-Mayenne", await browser.TextAsync($"tr[data-commune='{commune}'] td"), StringComparison.Ordinal);
        var title = (await browser.TextAsync("#territory-name") ?? "").Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Contains($"CPTS du test {commune} (4 000 habitants)", title, StringComparison.Ordinal);

        var laval = await Eventually.UntilAsync(() => browser.TextAsync("li[data-zone='53130']"), t => t is not null);
        Assert.Contains("Pas zone rouge", laval, StringComparison.Ordinal);
        Assert.Contains("under the threshold of one for 2,000", laval, StringComparison.Ordinal);
        Assert.Equal(3L, (await browser.ExecuteAsync("return document.querySelectorAll('#trend polyline').length;"))!.GetValue<long>());

        var clock = Stopwatch.StartNew();
        var registered = await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1951), firstName = "Germaine", lastName = "Test", birthDate = "1951-03-01", communeCode = commune,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await Eventually.UntilAsync(() => browser.TextAsync(cell), t => t == "1", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The page showed the registration after {clock.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.Equal("1", await browser.TextAsync("#totals [data-field='patientsWithoutGp'] .value"));

        var rpps = RppsNumbers.Valid();
        Assert.Equal(HttpStatusCode.Created, (await gateway.PostAsJsonAsync("/api/missions/practitioners",
            new { rpps, firstName = "Claire", lastName = "Marchand", status = "Retired", homeCommuneCode = "53130" })).StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        clock.Restart();
        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync($"/api/patients/{id}/referent", new { kind = "Practitioner", rpps })).StatusCode);
        await Eventually.UntilAsync(() => browser.TextAsync($"tr[data-commune='{commune}'] td[data-field='givenAGp']"), t => t == "1", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The page showed the new GP after {clock.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.Equal("0", await browser.TextAsync(cell));
    }

    [Fact]
    public async Task The_page_shell_is_served_without_a_key_but_its_data_is_not()
    {
        using var anonymous = platform.CreateAnonymousGatewayClient();
        var page = await anonymous.GetAsync("/coordination/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/coordination/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/coordination/territories")).StatusCode);
    }
}
