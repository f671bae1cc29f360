using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>POST /api/patients/imports: streaming upload, background processing, per-line report, idempotence.</summary>
[Collection(nameof(PlatformHosts))]
public class BulkImportTests(PlatformHosts hosts)
{
    private readonly HttpClient _patients = PlatformHosts.ClientOf(hosts.Patients);

    private static ByteArrayContent Csv(string text) => new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private async Task<JsonElement> ImportAsync(HttpContent content)
    {
        var response = await _patients.PostAsync("/api/patients/imports", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return await Eventually.UntilAsync(
            () => _patients.GetFromJsonAsync<JsonElement>(location),
            s => s.GetProperty("status").GetString() is "Completed" or "Failed", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_file_is_imported_with_a_per_line_report_and_a_second_time_adds_nobody()
    {
        var commune = PlatformHosts.UniqueCommune();
        var already = Nirs.Valid(1950);
        await _patients.PostAsJsonAsync("/api/patients", new { nir = already, firstName = "A", lastName = "B", birthDate = "1950-03-01", communeCode = commune });
        var (n1, n2, n3) = (Nirs.Valid(1941), Nirs.Valid(1962), Nirs.Valid(1977));
        var badKey = Nirs.Valid(1950)[..13] + "00";
        var csv = $""""
            nir;first_name;last_name;birth_date;commune_code;sex;ald
            {n1};Jeanne;Lemoine;1941-03-02;{commune};;1
            "{n2}";"Marcel ""Le Grand""";Guérin;1962-03-02;{commune};;0
            {n3};Yvette;Boulay;1977-03-02;{commune};;
            {n1};Jeanne;Lemoine;1941-03-02;{commune};;1
            {already};A;B;1950-03-01;{commune};;
            {badKey};Roger;Pichon;1950-03-02;{commune};;
            {Nirs.Valid(1980)};Simone;Hamon;1980-02-30;{commune};;
            {Nirs.Valid(1980)};Simone;Hamon;1980-03-03;{commune};X;
            {Nirs.Valid(1980)};Simone;Hamon;1980-03-03

            {Nirs.Valid(1980)};Simone;Hamon;1980-03-03;531;;
            """";

        var report = await ImportAsync(Csv(csv));

        Assert.Equal("Completed", report.GetProperty("status").GetString());
        Assert.Equal(11, report.GetProperty("rowsTotal").GetInt32());
        Assert.Equal(11, report.GetProperty("rowsDone").GetInt32());
        Assert.Equal(1.0, report.GetProperty("progress").GetDouble());
        Assert.Equal(3, report.GetProperty("rowsImported").GetInt32());
        Assert.Equal(2, report.GetProperty("rowsDuplicate").GetInt32()); // repeated in the file, and already registered
        Assert.Equal(5, report.GetProperty("rowsRejected").GetInt32());
        var errors = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/imports/{report.GetProperty("id").GetGuid()}/errors");
        Assert.Equal(
            ["7:nir", "8:birth_date", "9:sex", "10:line", "12:commune_code"],
            errors.GetProperty("items").EnumerateArray().Select(e => $"{e.GetProperty("line").GetInt32()}:{e.GetProperty("field").GetString()}"));
        var marcel = Assert.Single(await hosts.PatientsWithNirAsync(n2));
        Assert.Equal(("Marcel \"Le Grand\"", "Guérin", new DateOnly(1962, 3, 2), 1962, null, commune), (marcel.FirstName, marcel.LastName, marcel.BirthDate, marcel.BirthYear, marcel.Sex, marcel.CommuneCode));
        Assert.False(marcel.HasAld || marcel.Precarity || marcel.Isolation || marcel.NeedsTransport || marcel.HasReferringGp);
        Assert.InRange(marcel.RegisteredAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.True(Assert.Single(await hosts.PatientsWithNirAsync(n1)).HasAld);
        var found = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients?name=gueri&commune={commune}");
        Assert.Equal(marcel.Id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid()); // by the name tags written with the row
        Assert.Equal(4, await Eventually.UntilAsync(() => hosts.CountInCoordination(commune), c => c == 4)); // 1 registered + 3 imported

        var again = await ImportAsync(Csv(csv));
        Assert.Equal(0, again.GetProperty("rowsImported").GetInt32());
        Assert.Equal(5, again.GetProperty("rowsDuplicate").GetInt32());
        Assert.Equal(3, (await hosts.PatientsWithNirAsync(n1)).Count + (await hosts.PatientsWithNirAsync(n2)).Count + (await hosts.PatientsWithNirAsync(n3)).Count);
        await Task.Delay(500);
        Assert.Equal(4, await hosts.CountInCoordination(commune));
    }

    [Fact]
    public async Task The_same_file_is_recognised()
    {
        var csv = $"nir,first_name,last_name,birth_date,commune_code\n{Nirs.Valid(1955)},René,Huet,1955-03-01,53130\n";
        var first = await ImportAsync(Csv(csv));
        var response = await _patients.PostAsync("/api/patients/imports", Csv(csv));
        var second = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("sameFileAs").GetGuid());
    }

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "nir;first_name;last_name;birth_date\n185057800608491;A;B;1985-05-01\n", "header" },        // a column missing
        { "nir|first_name|last_name|birth_date|commune_code\n", "header" },                              // wrong delimiter
        { "", "header" },                                                                                  // empty
        { "nir;first_name;last_name;birth_date;commune_code\n" + new string('x', 5_000_000) + "\n", "line 2" }, // an absurd line
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_a_400_naming_the_problem_and_writes_nothing(string csv, string field)
    {
        var imports = await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patient_imports");
        var response = await _patients.PostAsync("/api/patients/imports", Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(imports, await hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patient_imports"));
    }

    [Fact]
    public async Task A_line_that_is_not_utf8_is_rejected_and_the_others_imported()
    {
        var good = Nirs.Valid(1966);
        var bytes = Encoding.UTF8.GetBytes($"nir;first_name;last_name;birth_date;commune_code\n{good};Odile;Roux;1966-03-01;53130\n")
            .Concat(Encoding.Latin1.GetBytes($"{Nirs.Valid(1967)};Hélène;Roux;1967-03-01;53130\n")).ToArray();
        var report = await ImportAsync(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        Assert.Equal("Completed", report.GetProperty("status").GetString());
        Assert.Equal(1, report.GetProperty("rowsImported").GetInt32());
        var errors = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/imports/{report.GetProperty("id").GetGuid()}/errors");
        var error = Assert.Single(errors.GetProperty("items").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_csv_is_accepted() =>
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _patients.PostAsJsonAsync("/api/patients/imports", new { })).StatusCode);
}
