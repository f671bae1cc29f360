using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEndTests;

/// <summary>Hostile input through the gateway: refused with problem details naming the field, and nothing written.</summary>
[Collection(nameof(RunningPlatform))]
public class InputPolicyTests(RunningPlatform platform)
{
    private static async Task<JsonElement> Refused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Theory]
    [InlineData("Jea\u0000nne")]
    [InlineData("\u001b[2J")]
    [InlineData("Jeanne\r\nX-Injected: 1")]
    public async Task A_control_character_in_a_name_is_a_400_on_that_field_and_writes_nothing(string firstName)
    {
        using var gateway = platform.CreateGatewayClient();
        var before = await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients");

        var errors = await Refused(await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1961), firstName, lastName = "Lemoine", birthDate = "1961-03-02", communeCode = "53130",
        }));

        Assert.StartsWith("Text without control characters", errors.GetProperty("firstName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients"));
    }

    [Theory]
    [InlineData(999)]
    [InlineData("999")]
    [InlineData("Hospital")]
    public async Task An_enum_given_as_a_number_or_an_unknown_name_is_a_400_listing_the_names_and_writes_nothing(object kind)
    {
        using var gateway = platform.CreateGatewayClient();
        var before = await platform.Databases["missions"].ScalarAsync<long>("SELECT count(*) FROM sites");

        var errors = await Refused(await gateway.PostAsJsonAsync("/api/missions/sites", new
        {
            name = "Centre de santé de Craon", kind, communeCode = "53084", linesPerWeek = 1,
        }));

        var message = errors.GetProperty("kind")[0].GetString()!;
        Assert.StartsWith("One of ", message, StringComparison.Ordinal);
        Assert.Contains("CentreDeSante", message, StringComparison.Ordinal);
        Assert.Equal(before, await platform.Databases["missions"].ScalarAsync<long>("SELECT count(*) FROM sites"));
    }

    [Fact]
    public async Task A_control_character_in_a_query_filter_is_a_400_on_that_parameter()
    {
        using var gateway = platform.CreateGatewayClient();
        var errors = await Refused(await gateway.GetAsync("/api/missions/sites?commune=53130%00"));
        Assert.True(errors.TryGetProperty("commune", out _));
    }

    [Fact]
    public async Task The_last_possible_page_number_is_a_400_not_an_overflow()
    {
        using var gateway = platform.CreateGatewayClient();
        var errors = await Refused(await gateway.GetAsync("/api/patients?commune=53130&page=2147483647"));
        Assert.Equal("Pages go from 1 to 100000.", errors.GetProperty("page")[0].GetString());
    }

    [Theory]
    [InlineData("/api/coordination/telemedicine/sessions?from=0001-01-01")]
    [InlineData("/api/coordination/telemedicine/sessions?to=9999-12-27")]
    public async Task A_date_filter_outside_the_range_is_a_400_not_an_overflow(string path)
    {
        using var gateway = platform.CreateGatewayClient();
        var errors = await Refused(await gateway.GetAsync(path));
        var field = path.Contains("from=", StringComparison.Ordinal) ? "from" : "to";
        Assert.Equal("A date (yyyy-mm-dd) from 1900-01-01 to 2199-12-31.", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_birth_date_of_year_1_is_a_400_on_that_field_and_writes_nothing()
    {
        using var gateway = platform.CreateGatewayClient();
        var before = await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients");

        var errors = await Refused(await gateway.PostAsJsonAsync("/api/patients", new
        {
            nir = Nirs.Valid(1961), firstName = "Jeanne", lastName = "Lemoine", birthDate = "0001-01-01", communeCode = "53130",
        }));

        Assert.True(errors.TryGetProperty("birthDate", out _));
        Assert.Equal(before, await platform.Databases["patients"].ScalarAsync<long>("SELECT count(*) FROM patients"));
    }

    public static TheoryData<string, string, int, string> KestrelRefusals => new()
    {
        { "a NUL byte in the path", "GET /api/patients/\0 HTTP/1.1\r\nHost: gateway\r\n\r\n", 400, "request" },
        { "a space in the path", "GET /api/pat ients HTTP/1.1\r\nHost: gateway\r\n\r\n", 400, "request" },
        { "a URL of 20,000 characters", $"GET /api/patients?name={new string('a', 20_000)} HTTP/1.1\r\nHost: gateway\r\n\r\n", 414, "url" },
        { "headers of 40,000 bytes", $"GET /api/patients HTTP/1.1\r\nHost: gateway\r\nX-Padding: {new string('a', 40_000)}\r\n\r\n", 431, "headers" },
        { "a header without a colon", "GET /api/patients HTTP/1.1\r\nHost: gateway\r\nNot a header\r\n\r\n", 400, "request" },
    };

    /// <summary>What Kestrel refuses before any middleware still answers a problem document, not an empty body.</summary>
    [Theory]
    [MemberData(nameof(KestrelRefusals))]
    public async Task A_request_the_server_cannot_parse_is_refused_with_problem_details(string what, string raw, int status, string field)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(platform.Gateway.BaseAddress.Host, platform.Gateway.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(raw));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var response = await reader.ReadToEndAsync(); // the server closes the connection after a refusal

        var (head, body) = (response.Split("\r\n\r\n", 2)[0], response.Split("\r\n\r\n", 2)[1]);
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), what);
    }
}
