using System.Globalization;

namespace Platform.DemoData;

/// <summary>
/// The demo territory, Pays de Laval (see ../shared/DOMAIN.md): people without a GP in Laval and nearby communes,
/// all waiting on the CPTS's list; the SMP Louis Pasteur and its two antennas; two volunteer doctors and a rotation
/// run through its lifecycle; the funders of the Louis Pasteur case and the twelve communes' split by official
/// population; the CPTS over the 34 real communes of Laval Agglomération, with members and telemedicine cabins; the
/// uncovered weeks ahead; the red-zone classification of Laval and of its agglomeration.
/// </summary>
public sealed class DemoTerritory(GatewayClient gateway)
{
    /// <summary>CA Laval Agglomération, the CPTS's territory: its 34 communes and their official populations (docs/geography.md).</summary>
    private const string LavalAgglomeration = "200083392";

    // INSEE code of a commune of the agglomeration (Laval, Changé, Saint-Berthevin...), people without a GP to register there.
    private static readonly (string Code, int People)[] s_communes =
    [
        ("53130", 14), ("53054", 4), ("53201", 4), ("53034", 3), ("53119", 2), ("53140", 2), ("53247", 3), ("53103", 2),
    ];

    /// <summary>The twelve other communes of the SMP Louis Pasteur (seeds/002), who share 20,000 EUR a year by population.</summary>
    private static readonly string[] s_louisPasteurCommunes =
        ["53137", "53026", "53039", "53040", "53045", "53108", "53129", "53158", "53169", "53182", "53209", "53243"];

    private static readonly string[] s_firstNames = ["Jeanne", "Marcel", "Yvette", "Roger", "Simone", "André", "Odette", "Lucien", "Paulette", "Gérard", "Monique", "Bernard", "Colette", "René"];
    private static readonly string[] s_lastNames = ["Lemoine", "Guérin", "Boulay", "Chauvin", "Pichon", "Hamon", "Lebreton", "Cosnard", "Fouquet", "Gaudin", "Rocher", "Poirier", "Barbier", "Huet"];

    public async Task<(int Created, int Existing)> LoadAsync(CancellationToken ct)
    {
        await PatientsAsync(ct);
        await MissionsAsync(ct);
        await FundersAsync(ct);
        await CptsAsync(ct);
        // Site-weeks of the next 14 days without a rotation: Missions announces them, Coordination shows them.
        await gateway.CommandAsync("api/missions/coverage-gaps/scan", ct);
        // Laval classified (official name and population): short of doctors, yet under the national threshold (see
        // docs/coordination.md); then its agglomeration, the level the State uses, on its 34 communes' population.
        await gateway.CommandAsync("api/coordination/zones/classify", ct, new
        {
            code = "53130", kind = "Commune", gps = 30, aldPrevalencePercent = 21.5, emergencyMinutes = 10, youngGpSharePercent = 12, medianIncome = 20400,
        });
        await gateway.CommandAsync("api/coordination/zones/classify", ct, new
        {
            code = LavalAgglomeration, kind = "Intercommunality", gps = 70, aldPrevalencePercent = 20.5, emergencyMinutes = 15, youngGpSharePercent = 18, medianIncome = 21300,
        });
        return (gateway.Created, gateway.Existing);
    }

    /// <summary>The demo patients' ids, by their number.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Guid> _patients = new();

    private async Task PatientsAsync(CancellationToken ct)
    {
        var people = s_communes.SelectMany(c => Enumerable.Repeat(c.Code, c.People)).Select((code, i) => (Code: code, N: i + 1));
        // Eight at a time: the gateway's rate limit (200 a second per partner) is far off, the start is shorter.
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (person, token) =>
        {
            var (code, n) = person;
            var sex = n % 2 + 1;
            var year = 1938 + n * 7 % 50;
            var month = n % 12 + 1;
            var nir = Nir(sex, year % 100, month, code[2..], n);
            var id = await gateway.PostAsync("api/patients", new
            {
                nir, firstName = s_firstNames[n % 14], lastName = s_lastNames[n * 5 % 14],
                birthDate = $"{year}-{month:00}-15", communeCode = code,
                hasAld = n % 3 == 0, precarity = n % 4 == 0, isolation = n % 5 == 0,
            }, $"patient {n}", token);
            _patients[n] = id ?? throw new InvalidOperationException($"demo patient {n}: no id in the answer");
            // Everyone waits on the CPTS's list (a second run finds them there already).
            await gateway.PostAsync($"api/patients/{id}/waiting-lists", new { scope = "territory", key = "cpts-pays-de-laval" }, $"enrolment {n}", token);
        });
    }

    /// <summary>Sites, practitioners, and Claire Marchand's rotation three weeks ago run through its lifecycle.</summary>
    private async Task MissionsAsync(CancellationToken ct)
    {
        var smp = await gateway.PostAsync("api/missions/sites", new { name = "SMP Louis Pasteur", kind = "CentreDeSante", communeCode = "53130", linesPerWeek = 2 }, "site", ct);
        await gateway.PostAsync("api/missions/sites", new { name = "Antenne de Saint-Pierre-la-Cour", kind = "Antenna", communeCode = "53247", linesPerWeek = 1 }, "site", ct);
        await gateway.PostAsync("api/missions/sites", new { name = "Antenne du Genest-Saint-Isle", kind = "Antenna", communeCode = "53103", linesPerWeek = 1 }, "site", ct);
        await gateway.PostAsync("api/missions/practitioners", new { rpps = "10101234564", firstName = "Claire", lastName = "Marchand", status = "Retired", homeCommuneCode = "53130" }, "practitioner", ct);
        await gateway.PostAsync("api/missions/practitioners", new { rpps = "10003456786", firstName = "Thomas", lastName = "Renaud", status = "YoungGraduate", homeCommuneCode = "53054" }, "practitioner", ct);

        // Its history is at GET /api/missions/missions/{id}, and Funding pays the week from MissionCompleted.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-((int)today.DayOfWeek + 6) % 7 - 21);
        var created = gateway.Created;
        var mission = await gateway.PostAsync("api/missions/missions", new
        {
            kind = "WeeklyRotation", practitionerRpps = "10101234564", siteId = smp, startDate = monday, endDate = monday.AddDays(5),
        }, "mission", ct);
        if (gateway.Created > created)
        {
            foreach (var move in new[] { "confirm", "start", "complete" })
            {
                await gateway.CommandAsync($"api/missions/missions/{mission}/{move}", ct);
            }
        }


    }

    private async Task FundersAsync(CancellationToken ct)
    {
        foreach (var (name, kind) in new[]
                 {
                     ("Région Pays de la Loire", "Region"), ("Département de la Mayenne", "Departement"),
                     ("Laval Agglomération", "Intercommunality"), ("Commune de Saint-Pierre-la-Cour", "Commune"),
                     ("Commune du Genest-Saint-Isle", "Commune"), ("ARS Pays de la Loire", "Ars"),
                 })
        {
            await gateway.PostAsync("api/funding/funders", new { name, kind }, "funder", ct);
        }

        // The twelve communes' 20,000 EUR a year, split by their official populations and saved as yearly grants, once.
        var grants = await gateway.GetAsync("api/funding/grants?year=2022", ct);
        if (!grants.EnumerateArray().Any(g => g.GetProperty("beneficiary").GetString() == "SMP Louis Pasteur"))
        {
            await gateway.CommandAsync("api/funding/splits", ct, new
            {
                total = 20000,
                communes = s_louisPasteurCommunes.Select(code => new { communeCode = code }),
                saveAsYearlyGrants = new { beneficiary = "SMP Louis Pasteur", purpose = "SecretaryPost", startYear = 2022 },
            });
        }
    }

    /// <summary>The CPTS: its territory, members, places with telemedicine cabins and a few assisted teleconsultations.</summary>
    private async Task CptsAsync(CancellationToken ct)
    {
        await gateway.PostAsync("api/coordination/territories", new
        {
            name = "CPTS du Pays de Laval",
            epcis = new[] { LavalAgglomeration },
        }, "territory", ct);
        var nurse = await gateway.PostAsync("api/coordination/members", new { firstName = "Sophie", lastName = "Bellanger", profession = "Nurse", rpps = "10001000016", communeCode = "53247", email = "s.bellanger@example.org" }, "member", ct);
        await gateway.PostAsync("api/coordination/members", new { firstName = "Hélène", lastName = "Drouet", profession = "Nurse", rpps = "10001000024", communeCode = "53103" }, "member", ct);
        await gateway.PostAsync("api/coordination/members", new { firstName = "Marc", lastName = "Lefeuvre", profession = "Pharmacist", rpps = "10001000032", communeCode = "53103" }, "member", ct);
        await gateway.PostAsync("api/coordination/members", new { firstName = "Nadia", lastName = "Ferron", profession = "SocialWorker", rpps = "10001000040", communeCode = "53130" }, "member", ct);
        await gateway.PostAsync("api/coordination/members", new { firstName = "Paul", lastName = "Garnier", profession = "Physiotherapist", rpps = "10001000057", communeCode = "53054" }, "member", ct);

        foreach (var (name, kind, commune, hasCabin) in new[]
                 {
                     ("Pharmacie du Genest", "Pharmacy", "53103", true), ("Mairie de Saint-Pierre-la-Cour", "TownHall", "53247", true),
                     ("France Services Laval", "FranceServices", "53130", false),
                 })
        {
            var created = gateway.Created;
            var place = await gateway.PostAsync("api/coordination/places", new { name, kind, communeCode = commune, hasCabin }, "place", ct);
            // Assisted teleconsultations at a new cabin (a re-run adds none): pseudonyms only, never identities.
            if (gateway.Created > created && hasCabin && nurse is not null)
            {
                foreach (var n in new[] { 1, 2, 1, 3 }) // patient 1 came twice
                {
                    var pseudonym = (await gateway.GetAsync($"api/patients/{_patients[n]}/pseudonym", ct)).GetProperty("pseudonym").GetString();
                    await gateway.PostAsync("api/coordination/telemedicine/sessions", new
                    {
                        placeId = place, date = DateOnly.FromDateTime(DateTime.UtcNow), assistingNurseId = nurse, patientPseudonym = pseudonym,
                    }, "teleconsultation", ct);
                }
            }
        }
    }

    /// <summary>A valid NIR: sex, year, month, department 53, commune, order, and the key 97 − (n mod 97).</summary>
    private static string Nir(int sex, int yy, int month, string commune3, int order)
    {
        var first13 = string.Create(CultureInfo.InvariantCulture, $"{sex}{yy:00}{month:00}53{commune3}{order:000}");
        var key = 97 - (long.Parse(first13, CultureInfo.InvariantCulture) % 97);
        return first13 + key.ToString("00", CultureInfo.InvariantCulture);
    }
}
