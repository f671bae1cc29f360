using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>The official geography as partners look it up (Coordination, /api/coordination/geography).</summary>
[Collection(nameof(PlatformHosts))]
public class GeographyLookupTests(PlatformHosts hosts)
{
    private readonly HttpClient _coordination = PlatformHosts.ClientOf(hosts.Coordination, role: "funder", scope: "region");

    [Fact]
    public async Task A_commune_is_found_by_code_with_its_department_region_and_intercommunality()
    {
        var laval = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/communes/53130");
        Assert.Equal(("Laval", "Mayenne", "Pays de la Loire", 49_400, "200083392", "CA Laval Agglomération"),
            (laval.GetProperty("name").GetString(), laval.GetProperty("departmentName").GetString(), laval.GetProperty("regionName").GetString(),
             laval.GetProperty("population").GetInt32(), laval.GetProperty("epciSiren").GetString(), laval.GetProperty("epciName").GetString()));

        var paris12 = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/communes/75112");
        Assert.Equal("75056", paris12.GetProperty("cityCode").GetString());
    }

    [Theory]
    [InlineData("53171", 404, "53171 is a former commune, now part of 53133 Lignières-Orgères: use 53133.")]
    [InlineData("53999", 404, "No commune has the INSEE code 53999 (official geography, COG 2026; the overseas collectivities are not served).")]
    [InlineData("5313", 400, null)]
    public async Task A_code_that_is_no_current_commune_says_why(string code, int status, string? title)
    {
        var response = await _coordination.GetAsync($"/api/coordination/geography/communes/{code}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (title is not null)
        {
            Assert.Equal(title, problem.GetProperty("title").GetString());
        }
        else
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        }

        if (code == "53171")
        {
            Assert.Equal("53133", problem.GetProperty("successor").GetString());
        }
    }

    [Fact]
    public async Task Communes_are_found_by_name_prefix_in_a_department_and_paged()
    {
        var page = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/communes?name=saint-&department=53&pageSize=5&page=2");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() > 40, page.ToString()); // Mayenne has some sixty Saint-/Sainte- communes
        Assert.All(page.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("53", c.GetProperty("department").GetString());
            Assert.StartsWith("Saint", c.GetProperty("name").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("2026", page.GetProperty("vintage").GetString(), StringComparison.Ordinal);

        var accents = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/communes?name=SAINT OUEN DES TOITS");
        Assert.Equal("53243", accents.GetProperty("items")[0].GetProperty("code").GetString());

        var wrong = await _coordination.GetAsync("/api/coordination/geography/communes?department=99");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("department", out _));
    }

    [Fact]
    public async Task An_intercommunality_lists_its_member_communes_and_the_EPCIs_of_a_department_are_listed()
    {
        var laval = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/epcis/200083392");
        Assert.Equal(("CA Laval Agglomération", "CA", 34, 115_195), (laval.GetProperty("name").GetString(), laval.GetProperty("kind").GetString(),
            laval.GetProperty("members").GetArrayLength(), laval.GetProperty("population").GetInt32()));
        Assert.Equal(laval.GetProperty("population").GetInt32(), laval.GetProperty("members").EnumerateArray().Sum(m => m.GetProperty("population").GetInt32()));

        var mayenne = await _coordination.GetFromJsonAsync<JsonElement>("/api/coordination/geography/epcis?department=53");
        Assert.Contains(mayenne.GetProperty("items").EnumerateArray(), e => e.GetProperty("siren").GetString() == "200083392");
        Assert.Equal(mayenne.GetProperty("total").GetInt32(), mayenne.GetProperty("items").GetArrayLength()); // Mayenne has fewer EPCIs than a page

        Assert.Equal(HttpStatusCode.NotFound, (await _coordination.GetAsync("/api/coordination/geography/epcis/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _coordination.GetAsync("/api/coordination/geography/epcis/2000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _coordination.GetAsync("/api/coordination/geography/epcis?department=53&region=52")).StatusCode);
    }
}
