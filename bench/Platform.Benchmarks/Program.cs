using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

// Bulk import benchmark: N generated rows (default 1,000,000) imported through POST /api/patients/imports, against a
// raw PostgreSQL COPY of the same rows into a table of the same shape and indexes, in the same run. Prints both and
// the ratio (goal: ≤ 1.5). Needs the servers of ./platform (PLATFORM_POSTGRES) and a built Patients service.
if (args is ["geography", ..])
{
    GeographyBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
    return 0;
}

if (args is ["pipeline", ..])
{
    return await Platform.Benchmarks.Pipeline.PipelineBenchmark.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
}

if (args is ["planner", ..])
{
    PlannerBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2026);
    return 0;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var configuration = args.Length > 1 ? args[1] : "Release";
var work = Directory.CreateTempSubdirectory("platform-bench-");
var csvPath = Path.Combine(work.FullName, "patients.csv");

Console.WriteLine($"Generating {rows:N0} rows (CPAM-like extract, ';' delimited)...");
var generated = Stopwatch.StartNew();
Generate(csvPath, rows);
Console.WriteLine($"  {new FileInfo(csvPath).Length / 1e6:F1} MB in {generated.Elapsed.TotalSeconds:F1} s");

await using var db = await TestDatabase.CreateAsync("bench_patients");
var port = FreePort();
var identityKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
var dll = RepositoryRoot.File("services", "Patients", "Platform.Patients", "bin", configuration, "net10.0", "Platform.Patients.dll");
var service = Process.Start(new ProcessStartInfo("dotnet", [dll])
{
    WorkingDirectory = Path.GetDirectoryName(dll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment =
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Logging__LogLevel__Default"] = "Warning",
        ["ConnectionStrings__patientsdb"] = db.ConnectionString,
        ["ConnectionStrings__messaging"] = Environment.GetEnvironmentVariable("ConnectionStrings__messaging") ?? "amqp://guest:guest@127.0.0.1:5672/",
        ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{port}",
        ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{FreePort()}",
        ["Patients__Pseudonyms__Key"] = new string('b', 32),
        ["Patients__Protection__Keys__k1"] = new string('d', 32),
        ["Patients__Protection__CurrentKey"] = "k1",
        ["Patients__Protection__IndexKey"] = new string('i', 32),
        ["Platform__Identity__Key"] = identityKey,
        ["Patients__Imports__Directory"] = Path.Combine(work.FullName, "spool"),
    },
})!;
service.OutputDataReceived += (_, _) => { };
service.ErrorDataReceived += (_, _) => { };
service.BeginOutputReadLine();
service.BeginErrorReadLine();
try
{
    using var http = new HttpClient(new SignedAs("bench", "cpts-coordinator", "region", "patients", identityKey) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };
    await Eventually.UntilAsync(async () => { try { return (await http.GetAsync("/health")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; } }, ok => ok, TimeSpan.FromSeconds(60));

    // Baseline: COPY of the same file into the table a registry would have without any protection: the identity in
    // clear, with its indexes (unique NIR, last name) and the same other columns. The platform's import pays for the
    // validation, the encryption of every identity and its blind indexes on top (docs/security.md).
    await using (var conn = new NpgsqlConnection(db.ConnectionString))
    {
        await conn.OpenAsync();
        await using var create = new NpgsqlCommand("""
            CREATE TABLE patients_baseline (
              id uuid PRIMARY KEY DEFAULT gen_random_uuid(), nir varchar(15) UNIQUE, first_name varchar(100), last_name varchar(100),
              birth_date date NOT NULL, sex varchar(10), commune_code varchar(5) NOT NULL, phone varchar(20), email varchar(254),
              has_ald boolean NOT NULL DEFAULT false, precarity boolean NOT NULL DEFAULT false, isolation boolean NOT NULL DEFAULT false,
              needs_transport boolean NOT NULL DEFAULT false, registered_at timestamptz NOT NULL DEFAULT now(),
              has_referring_gp boolean NOT NULL DEFAULT false, erased_at timestamptz);
            CREATE INDEX ON patients_baseline (last_name);
            CREATE INDEX ON patients_baseline (commune_code, has_referring_gp);
            CREATE TABLE patients_baseline_after (LIKE patients_baseline INCLUDING ALL);
            """, conn);
        await create.ExecuteNonQueryAsync();
    }

    // The baseline runs before and after the import (the database warms and fills in between); their mean is the reference.
    var copyBefore = await BaselineAsync(db.ConnectionString, csvPath, "patients_baseline");
    Console.WriteLine("Import: POST /api/patients/imports, until Completed...");
    var importClock = Stopwatch.StartNew();
    service.Refresh();
    var serviceCpuBefore = service.TotalProcessorTime;
    await using var file = File.OpenRead(csvPath);
    var upload = await http.PostAsync("/api/patients/imports", new StreamContent(file, 1 << 16) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
    upload.EnsureSuccessStatusCode();
    var location = upload.Headers.Location!.OriginalString;
    Console.WriteLine($"  uploaded and checked in {importClock.Elapsed.TotalSeconds:F2} s");
    JsonElement status;
    var lastShown = -1.0;
    while (true)
    {
        status = await http.GetFromJsonAsync<JsonElement>(location);
        var progress = status.GetProperty("progress").GetDouble();
        if (progress - lastShown >= 0.25)
        {
            Console.WriteLine($"  {progress:P0} ({status.GetProperty("rowsDone").GetInt32():N0} / {status.GetProperty("rowsTotal").GetInt32():N0} rows)");
            lastShown = progress;
        }

        if (status.GetProperty("status").GetString() is "Completed" or "Failed")
        {
            break;
        }

        await Task.Delay(50);
    }

    var importSeconds = importClock.Elapsed.TotalSeconds;
    service.Refresh();
    var serviceCpu = (service.TotalProcessorTime - serviceCpuBefore).TotalSeconds;
    if (status.GetProperty("status").GetString() != "Completed" || status.GetProperty("rowsImported").GetInt32() != rows)
    {
        Console.WriteLine($"Import did not complete as expected: {status}");
        return 1;
    }

    var copyAfter = await BaselineAsync(db.ConnectionString, csvPath, "patients_baseline_after");
    var copySeconds = (copyBefore + copyAfter) / 2;
    Console.WriteLine();
    Console.WriteLine($"rows                 {rows:N0}");
    Console.WriteLine($"raw COPY (baseline)  {copySeconds:F2} s   ({rows / copySeconds:N0} rows/s; {copyBefore:F2} s before the import, {copyAfter:F2} s after)");
    Console.WriteLine($"platform import      {importSeconds:F2} s   ({rows / importSeconds:N0} rows/s; the service used {serviceCpu:F2} s of CPU, {serviceCpu * 1e6 / rows:F1} µs per row)");
    Console.WriteLine($"ratio import / COPY  {importSeconds / copySeconds:F2}   (goal <= 1.5)");
    return 0;
}
finally
{
    service.Kill(entireProcessTree: true);
    await service.WaitForExitAsync();
    work.Delete(recursive: true);
}

// COPY of the whole file into a fresh table shaped like patients (same columns and indexes), timed.
static async Task<double> BaselineAsync(string connectionString, string csvPath, string table)
{
    Console.WriteLine($"Baseline: COPY {table} FROM STDIN (csv)...");
    var clock = Stopwatch.StartNew();
    await using (var conn = new NpgsqlConnection(connectionString))
    {
        await conn.OpenAsync();
        await using var writer = await conn.BeginTextImportAsync(
            $"COPY {table} (nir, first_name, last_name, birth_date, commune_code, sex, has_ald) FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')");
        using var reader = new StreamReader(csvPath);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            await writer.WriteAsync(buffer, 0, read);
        }
    }

    Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F2} s");
    return clock.Elapsed.TotalSeconds;
}

static void Generate(string path, int rows)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("nir;first_name;last_name;birth_date;commune_code;sex;ald\n");
    string[] first = ["Jeanne", "Marcel", "Yvette", "Roger", "Simone", "André", "Odette", "Lucien"];
    string[] last = ["Lemoine", "Guérin", "Boulay", "Chauvin", "Pichon", "Hamon", "Lebreton", "Cosnard"];
    var random = new Random(42);
    // Where they live: the real communes of Mayenne (the services refuse a code the official geography does not know).
    var communes = Platform.Geography.FranceGeography.Official.Communes.Where(c => c.Department == "53").Select(c => c.Code).ToArray();
    var line = new StringBuilder(96);
    for (var i = 0; i < rows; i++)
    {
        // Unique NIRs: the row number decides year and sex (i mod 70), month (then mod 12), commune (then mod 1000), order.
        var sex = 1 + (i & 1);
        var year = 1930 + (i % 70);
        var month = 1 + (i / 70 % 12);
        var commune = (i / 840) % 1000;
        var n13 = string.Create(CultureInfo.InvariantCulture, $"{sex}{year % 100:00}{month:00}53{commune:000}{i / 840_000:000}");
        var key = 97 - (int)(long.Parse(n13, CultureInfo.InvariantCulture) % 97);
        line.Clear().Append(n13).Append(key.ToString("00", CultureInfo.InvariantCulture)).Append(';')
            .Append(first[random.Next(first.Length)]).Append(';').Append(last[random.Next(last.Length)]).Append(';')
            .Append(year.ToString(CultureInfo.InvariantCulture)).Append('-').Append(month.ToString("00", CultureInfo.InvariantCulture)).Append("-15;")
            .Append(communes[random.Next(communes.Length)]).Append(';')
            .Append(sex == 1 ? 'M' : 'F').Append(';').Append(random.Next(4) == 0 ? '1' : '0').Append('\n');
        writer.Write(line);
    }
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
