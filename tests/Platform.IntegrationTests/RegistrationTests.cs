using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>POST /api/patients against the real database and broker: what is written, what is published, what is refused.</summary>
[Collection(nameof(PlatformHosts))]
public class RegistrationTests(PlatformHosts hosts)
{
    private readonly HttpClient _patients = PlatformHosts.ClientOf(hosts.Patients);

    private static object Person(string nir, string commune = "53130", int year = 1950) =>
        new { nir, firstName = "Yvette", lastName = "Boulay", birthDate = $"{year}-03-15", communeCode = commune };

    private Task<long> PatientRows() => hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM patients");

    private Task<long> OutboxRows() => hosts.PatientsDb.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

    [Fact]
    public async Task Registering_writes_the_patient_and_publishes_PatientRegistered_through_the_outbox()
    {
        var nir = Nirs.Valid(1950);
        var response = await _patients.PostAsJsonAsync("/api/patients", Person(nir, "53054"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/patients/{id}", response.Headers.Location?.OriginalString);

        var row = await hosts.PatientsDb.ScalarAsync<string>($"SELECT message_id::text FROM outbox_messages WHERE payload->>'patientId' = '{id}'");
        Assert.NotNull(row);
        var observed = await Eventually.UntilAsync(
            () => Task.FromResult(hosts.Observed.FirstOrDefault(c => c.Message.PatientId == id)), c => c is not null);
        Assert.NotNull(observed);
        Assert.Equal(Guid.Parse(row), observed.MessageId); // published with the outbox row's fixed MessageId
        Assert.Equal("53054", observed.Message.CommuneCode);
        Assert.Equal(1950, observed.Message.BirthYear);
        var sent = await Eventually.UntilAsync(
            () => hosts.PatientsDb.ScalarAsync<bool>($"SELECT sent_at IS NOT NULL FROM outbox_messages WHERE message_id = '{row}'"), s => s);
        Assert.True(sent);

        var read = await _patients.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        Assert.Equal(nir, read.GetProperty("nir").GetString());
    }

    [Fact]
    public async Task The_same_nir_twice_is_a_409_with_the_existing_id_and_no_second_event()
    {
        var nir = Nirs.Valid(1962);
        var first = await _patients.PostAsJsonAsync("/api/patients", Person(nir, year: 1962));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var outboxBefore = await OutboxRows();

        var second = await _patients.PostAsJsonAsync("/api/patients", Person(nir.Insert(5, " "), year: 1962));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, problem.GetProperty("existingId").GetGuid());
        Assert.Equal(outboxBefore, await OutboxRows());
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_nir_create_one_patient()
    {
        var nir = Nirs.Valid(1971);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _patients.PostAsJsonAsync("/api/patients", Person(nir, year: 1971))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await hosts.PatientsWithNirAsync(nir));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { $$"""{"nir":"185057800608492","firstName":"A","lastName":"B","birthDate":"1985-05-01","communeCode":"53130"}""", "nir" },
        { $$"""{"nir":"18505780060849","firstName":"A","lastName":"B","birthDate":"1985-05-01","communeCode":"53130"}""", "nir" },
        { $$"""{"nir":"1850578X0608491","firstName":"A","lastName":"B","birthDate":"1985-05-01","communeCode":"53130"}""", "nir" },
        { $$"""{"nir":"185057800608491","firstName":"A","lastName":"B","birthDate":"1985-05-01","communeCode":"5313"}""", "communeCode" },
        { $$"""{"nir":"185057800608491","lastName":"B","birthDate":"1985-05-01","communeCode":"53130"}""", "firstName" },
        { $$"""{"nir":"185057800608491","firstName":"A","lastName":"B","birthDate":"not-a-date","communeCode":"53130"}""", "birthDate" },
        { $$"""{"nir":"185057800608491","firstName":"A","lastName":"B","birthDate":"1985-05-01","communeCode":53130}""", "communeCode" },
        { """{"nir":"185057800608491", "firstName": """, "firstName" }, // truncated: the field where it broke
        { """["not", "an", "object"]""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        var (patients, outbox) = (await PatientRows(), await OutboxRows());

        var response = await _patients.PostAsync("/api/patients", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        Assert.Equal(patients, await PatientRows());
        Assert.Equal(outbox, await OutboxRows());
    }

    [Fact]
    public async Task An_unknown_patient_is_a_404_problem()
    {
        var response = await _patients.GetAsync($"/api/patients/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
