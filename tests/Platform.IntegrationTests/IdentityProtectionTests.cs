using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Patients;
using Platform.Patients.Protection;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.IntegrationTests;

/// <summary>
/// Identities at rest: no clear NIR, name, birth date, phone or e-mail in patientsdb; search by name and NIR
/// uniqueness still work through blind indexes; a key rotation re-enciphers every row; identities an older version
/// stored in clear are sealed after the migrations. Its own database: a rotation must not touch other tests' rows.
/// </summary>
public sealed class IdentityProtectionTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _broker = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("it_protection");
        _broker = await TestVirtualHost.CreateAsync("protection");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _broker.DisposeAsync();
    }

    private WebApplicationFactory<PatientsDbContext> Patients(string currentKey, params string[] keys) =>
        new WebApplicationFactory<PatientsDbContext>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development")
                .UseSetting("ConnectionStrings:patientsdb", _db.ConnectionString)
                .UseSetting("ConnectionStrings:messaging", _broker.Uri.ToString())
                .UseSetting("Patients:Pseudonyms:Key", PlatformHosts.PseudonymKey)
                .UseSetting("Patients:Protection:CurrentKey", currentKey)
                .UseSetting("Patients:Protection:IndexKey", PlatformHosts.IndexKey)
                .UseSetting(PlatformToken.KeySetting, PlatformHosts.IdentityKey);
            foreach (var key in keys)
            {
                b.UseSetting($"Patients:Protection:Keys:{key}", $"integration-tests-data-key-{key}-0123456789abcdef");
            }
        });

    private static object Person(string nir, string first, string last) => new
    {
        nir, firstName = first, lastName = last, birthDate = $"19{nir[1..3]}-{nir[3..5]}-21", communeCode = "53130", phone = "0243123456", email = "zephyrine@example.org",
    };

    private static async Task<Guid> RegisterAsync(HttpClient client, string nir, string first, string last)
    {
        var response = await client.PostAsJsonAsync("/api/patients", Person(nir, first, last));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Rows_hold_no_clear_identity_yet_search_by_name_and_nir_uniqueness_work()
    {
        await using var host = Patients("k1", "k1");
        using var client = PlatformHosts.ClientOf(host);
        var nir = Nirs.Valid(1957);
        var id = await RegisterAsync(client, nir, "Zéphyrine", "Quarantotto-Lebrun");
        await RegisterAsync(client, Nirs.Valid(1961), "Zoé", "Quarante");

        // The whole row, every column as text: none of the identity shows.
        var row = await _db.ScalarAsync<string>($"SELECT p::text FROM patients p WHERE id = '{id}'");
        foreach (var clear in new[] { nir, "Zéphyrine", "ZEPHYRINE", "Quarantotto", "QUARANTOTTO", "0243123456", "zephyrine@example.org", $"19{nir[1..3]}-{nir[3..5]}-21" })
        {
            Assert.DoesNotContain(clear, row, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM patients WHERE legacy_nir IS NOT NULL OR legacy_first_name IS NOT NULL OR legacy_last_name IS NOT NULL"));

        // The record reads back in clear; a search by the start of a name, without accents, finds it; paging holds.
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        Assert.Equal("Zéphyrine", read.GetProperty("firstName").GetString());
        Assert.Equal(nir, read.GetProperty("nir").GetString());
        var found = await client.GetFromJsonAsync<JsonElement>("/api/patients?name=quarant&pageSize=1");
        Assert.Equal(2, found.GetProperty("total").GetInt32());
        Assert.Single(found.GetProperty("items").EnumerateArray());
        var exact = await client.GetFromJsonAsync<JsonElement>("/api/patients?name=zephyrine lebrun");
        Assert.Equal(id, Assert.Single(exact.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/patients?name=tto")).GetProperty("total").GetInt32()); // not a word start

        // The same NIR again: found through its blind index.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/patients", Person(nir, "Autre", "Personne"))).StatusCode);
    }

    [Fact]
    public async Task A_key_rotation_re_enciphers_every_row_and_the_old_key_can_then_go()
    {
        Guid first, second;
        await using (var onK1 = Patients("k1", "k1"))
        {
            using var client = PlatformHosts.ClientOf(onK1);
            first = await RegisterAsync(client, Nirs.Valid(1944), "Armand", "Rotation");
            second = await RegisterAsync(client, Nirs.Valid(1945), "Berthe", "Rotation");
        }

        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM patients WHERE key_id = 'k1'"));
        var before = await _db.ScalarAsync<string>($"SELECT encode(identity_cipher, 'hex') FROM patients WHERE id = '{first}'");

        await using (var both = Patients("k2", "k1", "k2"))
        {
            var rotated = await both.Services.GetRequiredService<IdentityKeyRotation>().RotateAsync(CancellationToken.None);
            Assert.Equal(2, rotated);
            Assert.Equal(0, await both.Services.GetRequiredService<IdentityKeyRotation>().RotateAsync(CancellationToken.None)); // nothing left
        }

        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM patients WHERE key_id = 'k2'"));
        Assert.NotEqual(before, await _db.ScalarAsync<string>($"SELECT encode(identity_cipher, 'hex') FROM patients WHERE id = '{first}'"));

        await using var onlyK2 = Patients("k2", "k2");
        using var reader = PlatformHosts.ClientOf(onlyK2);
        Assert.Equal("Armand", (await reader.GetFromJsonAsync<JsonElement>($"/api/patients/{first}")).GetProperty("firstName").GetString());
        Assert.Equal("Berthe", (await reader.GetFromJsonAsync<JsonElement>($"/api/patients/{second}")).GetProperty("firstName").GetString());
        Assert.Equal(2, (await reader.GetFromJsonAsync<JsonElement>("/api/patients?name=rotation")).GetProperty("total").GetInt32());

        // Erasure still erases: nothing of the identity is left, enciphered or not.
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/patients/{first}/identity")).StatusCode);
        Assert.Equal(1L, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM patients WHERE id = '{first}' AND identity_cipher IS NULL AND key_id IS NULL AND nir_index IS NULL AND cardinality(name_keys) = 0 AND birth_year = 1944"));
    }

    [Fact]
    public async Task Identities_an_older_version_kept_in_clear_are_sealed_after_the_migrations()
    {
        await using var host = Patients("k1", "k1");
        _ = host.Server; // migrated at start (Development)
        var id = Guid.CreateVersion7();
        var nir = Nirs.Valid(1950);
        await _db.ExecuteAsync($"""
            INSERT INTO patients (id, legacy_nir, legacy_first_name, legacy_last_name, legacy_birth_date, legacy_phone, birth_year, commune_code,
              has_ald, precarity, isolation, needs_transport, registered_at, has_referring_gp)
            VALUES ('{id}', '{nir}', 'Léonie', 'Ancienne', '1950-03-04', '0600000000', 1950, '53130', false, false, false, false, now(), false)
            """);

        await Platform.Messaging.ServiceHost.MigrateAsync<PatientsDbContext>(host.Services, CancellationToken.None); // what `migrate` runs

        var row = await _db.ScalarAsync<string>($"SELECT p::text FROM patients p WHERE id = '{id}'");
        Assert.DoesNotContain("Léonie", row, StringComparison.Ordinal);
        Assert.DoesNotContain(nir, row, StringComparison.Ordinal);
        using var client = PlatformHosts.ClientOf(host);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");
        Assert.Equal("Léonie", read.GetProperty("firstName").GetString());
        Assert.Equal("1950-03-04", read.GetProperty("birthDate").GetString());
        Assert.Equal(id, Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/patients?name=leonie")).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }
}
