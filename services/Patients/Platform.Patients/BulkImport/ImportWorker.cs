using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Protection;
using Platform.Patients.Registry;

namespace Platform.Patients.BulkImport;

/// <summary>Wakes the import worker when a file has been uploaded.</summary>
public sealed class ImportSignal : WakeSignal;

/// <summary>
/// Processes spooled imports, one at a time per instance. Each batch (<see cref="ImportOptions.BatchSize"/> rows) is one
/// transaction: the new patients (binary COPY; NIRs already registered are skipped), the rejected lines, the progress,
/// and one PatientsImported event with per-commune counts. After a crash the import resumes at the last committed batch;
/// importing the same rows again adds nobody.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportSignal signal, IOptions<ImportOptions> options, IdentityCipher cipher, TimeProvider time, ILogger<ImportWorker> logger)
    : BackgroundService
{
    public static string SpoolPath(ImportOptions o, Guid id) => Path.Combine(o.Directory, $"{id:N}.csv");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } id)
                {
                    await ProcessAsync(id, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkerFailed(logger, ex);
            }

            await ((Task)signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        // Pending, or Running on this node when it stopped mid-way (resumed from its last committed batch).
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE patient_imports SET status = 'Running', started_at = coalesce(started_at, now())
            WHERE id = (SELECT id FROM patient_imports WHERE node = {Environment.MachineName} AND status IN ('Pending', 'Running')
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return claimed.Count == 0 ? null : claimed[0];
    }

    internal async Task ProcessAsync(Guid id, CancellationToken ct)
    {
        var o = options.Value;
        var path = SpoolPath(o, id);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        var import = await db.PatientImports.SingleAsync(i => i.Id == id, ct);
        if (!File.Exists(path))
        {
            await FinishAsync(db, import, ImportStatus.Failed, "The uploaded file is gone (instance restarted without its spool volume); upload it again.", ct);
            return;
        }

        try
        {
            // Parsing and validating the next batch overlaps with writing the previous one (two cores, two stages).
            var batches = Channel.CreateBounded<ImportBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var rowsDone = import.RowsDone;
            var uploader = PartnerScope.TryParse(import.Scope, out var parsed, out _) ? parsed : PartnerScope.None;
            var producer = Task.Run(() => ReadBatches(path, rowsDone, uploader, batches.Writer, ct), ct);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await WriteBatchAsync(db, import, batch, ct);
            }

            await producer;
            await FinishAsync(db, import, ImportStatus.Completed, null, ct);
            File.Delete(path);
            LogImported(logger, id, import.RowsImported, import.RowsDuplicate, import.RowsRejected);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never retried forever: the import is marked failed (batches already committed stay, a new upload resumes nothing twice).
            LogImportFailed(logger, ex, id);
            db.ChangeTracker.Clear();
            import = await db.PatientImports.SingleAsync(i => i.Id == id, ct);
            await FinishAsync(db, import, ImportStatus.Failed, "The import stopped on an unexpected error; upload the file again (rows already imported are skipped).", ct);
        }
    }

    private void ReadBatches(string path, int rowsDone, PartnerScope uploader, ChannelWriter<ImportBatch> output, CancellationToken ct)
    {
        try
        {
            var o = options.Value;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new Utf8LineReader(file);
            reader.TryReadLine(out var header);
            var format = CsvFormat.TryParseHeader(header ?? string.Empty, out _)!; // checked when the file was received
            var batch = new ImportBatch(rowsDone / o.BatchSize);
            var line = 1; // the header
            var fields = new List<string>(16);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            while (reader.TryReadLine(out var text))
            {
                line++;
                if (line - 1 <= rowsDone)
                {
                    continue; // committed before a restart
                }

                if (text is null)
                {
                    batch.Add(line, (null, "line", "Not valid UTF-8: the file must be UTF-8 encoded."));
                }
                else if (text.Length == 0)
                {
                    batch.Skip();
                }
                else
                {
                    var parsed = ImportRow.Parse(format, text, fields, today);
                    batch.Add(line, parsed.Row is not { } row ? parsed
                        : !uploader.Covers(row.CommuneCode) ? (null, "commune_code", "This commune is outside the scope of the key that uploaded the file.")
                        : (row.SealWith(cipher), null, null)); // enciphered here, while the previous batch is being written
                }

                if (batch.Count >= o.BatchSize)
                {
                    Publish(batch);
                    batch = new ImportBatch(batch.Number + 1);
                }
            }

            Publish(batch);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
        }

        void Publish(ImportBatch b)
        {
            if (b.Count > 0 && !output.TryWrite(b))
            {
                output.WriteAsync(b, ct).AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private async Task WriteBatchAsync(PatientsDbContext db, PatientImport import, ImportBatch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // Drop the rows whose NIR is already registered, or appears earlier in this batch.
        var valid = batch.Valid;
        // NIRs are looked up by their blind index (the NIR itself is never stored in clear).
        var indexes = valid.Select(r => r.Sealed!.NirIndex).ToArray();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT nir_index FROM patients WHERE nir_index = ANY(@indexes)", connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
        {
            cmd.Parameters.AddWithValue("indexes", indexes);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                existing.Add(Convert.ToHexString(r.GetFieldValue<byte[]>(0)));
            }
        }

        var fresh = new List<ImportRow>(valid.Count);
        foreach (var row in valid)
        {
            if (existing.Add(Convert.ToHexString(row.Sealed!.NirIndex)))
            {
                fresh.Add(row);
            }
        }

        // Text COPY (CSV), each row formatted into one reused buffer: bytea as \x hex, the tags as a {…} array.
        await using (var copy = await connection.BeginTextImportAsync(
            "COPY patients (id, identity_cipher, key_id, nir_index, name_keys, birth_year, sex, commune_code, has_ald, precarity, isolation, needs_transport, registered_at, has_referring_gp) FROM STDIN (FORMAT csv)", ct))
        {
            var tail = $",{now.ToString("O", CultureInfo.InvariantCulture)},f\n";
            var buffer = new char[1024];
            var line = new RowWriter(buffer);
            foreach (var row in fresh)
            {
                var s = row.Sealed!;
                line.Reset();
                line.Guid(s.Id).Char(',').Bytea(s.Cipher).Char(',').Text(cipher.CurrentKey).Char(',').Bytea(s.NirIndex).Text(",\"{");
                for (var k = 0; k < s.NameKeys.Length; k++)
                {
                    line.Long(s.NameKeys[k]).Char(k == s.NameKeys.Length - 1 ? '}' : ',');
                }

                if (s.NameKeys.Length == 0)
                {
                    line.Char('}');
                }

                line.Text("\",").Long(row.BirthDate.Year).Char(',').Text(row.Sex switch { Sex.Female => "Female", Sex.Male => "Male", _ => "" }).Char(',')
                    .Text(row.CommuneCode).Char(',').Bool(row.HasAld).Char(',').Bool(row.Precarity).Char(',').Bool(row.Isolation).Char(',')
                    .Bool(row.NeedsTransport).Text(tail);
                await copy.WriteAsync(buffer, 0, line.Length);
            }
        }

        var keptErrors = await db.PatientImportErrors.CountAsync(e => e.ImportId == import.Id, ct);
        foreach (var (line, field, message) in batch.Errors.Take(Math.Max(0, o.MaxErrorsKept - keptErrors)))
        {
            db.PatientImportErrors.Add(new PatientImportError { ImportId = import.Id, Line = line, Field = field, Message = message });
        }

        import.RowsDone += batch.Lines;
        import.RowsImported += fresh.Count;
        import.RowsDuplicate += valid.Count - fresh.Count;
        import.RowsRejected += batch.Errors.Count;
        if (fresh.Count > 0)
        {
            var communes = fresh.GroupBy(r => r.CommuneCode, StringComparer.Ordinal)
                .Select(g => new CommuneCount(g.Key, g.Count())).OrderBy(c => c.CommuneCode, StringComparer.Ordinal).ToList();
            db.AddIntegrationEvent(new PatientsImported(import.Id, batch.Number, communes, now));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task FinishAsync(PatientsDbContext db, PatientImport import, ImportStatus status, string? error, CancellationToken ct)
    {
        import.Status = status;
        import.Error = error;
        import.CompletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import worker failed; it will try again")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {Id} failed")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {Id}: {Imported} imported, {Duplicate} already registered, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, Guid id, int imported, int duplicate, int rejected);
}

/// <summary>The lines of one batch: valid rows and per-line errors.</summary>
internal sealed class ImportBatch(int number)
{
    public int Number { get; } = number;

    public List<ImportRow> Valid { get; } = [];

    public List<(int Line, string Field, string Message)> Errors { get; } = [];

    /// <summary>Data lines consumed (valid, rejected or blank).</summary>
    public int Lines { get; private set; }

    public int Count => Lines;

    public void Skip() => Lines++;

    public void Add(int line, (ImportRow? Row, string? Field, string? Error) parsed)
    {
        Lines++;
        if (parsed.Row is { } row)
        {
            Valid.Add(row);
        }
        else
        {
            Errors.Add((line, parsed.Field!, parsed.Error!));
        }
    }
}

/// <summary>A row ready for the table: its id, its identity enciphered, its blind indexes.</summary>
internal sealed record SealedIdentity(Guid Id, byte[] Cipher, byte[] NirIndex, long[] NameKeys);

/// <summary>One CSV record, validated with the same rules as <c>POST /api/patients</c>.</summary>
internal sealed record ImportRow(
    string Nir, string FirstName, string LastName, DateOnly BirthDate, Sex? Sex, string CommuneCode, string? Phone, string? Email,
    bool HasAld, bool Precarity, bool Isolation, bool NeedsTransport)
{
    /// <summary>The row's new id, enciphered identity and blind indexes, once <see cref="SealWith"/> ran.</summary>
    public SealedIdentity? Sealed { get; init; }

    public ImportRow SealWith(IdentityCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var id = Guid.CreateVersion7();
        return this with
        {
            Sealed = new SealedIdentity(id, cipher.Seal(id, new PatientIdentity(Nir, FirstName, LastName, BirthDate, Phone, Email)),
                cipher.NirIndex(Nir), cipher.NameKeys(FirstName, LastName)),
        };
    }

    public static (ImportRow? Row, string? Field, string? Error) Parse(CsvFormat format, string text, List<string> fields, DateOnly today)
    {
        if (!format.TrySplit(text, fields))
        {
            return (null, "line", "Unbalanced double quotes.");
        }

        if (fields.Count < format.Columns.Count)
        {
            return (null, "line", $"{fields.Count} field(s) where the header has {format.Columns.Count} (delimiter '{format.Delimiter}').");
        }

        string? Get(string column) => format.Index(column) is >= 0 and var i && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;

        var birthText = Get("birth_date");
        DateOnly? birth = DateOnly.TryParseExact(birthText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
        if (birthText is not null && birth is null)
        {
            return (null, "birth_date", "Not a date (YYYY-MM-DD).");
        }

        Sex? sex = null;
        if (Get("sex") is { } sexText)
        {
            sex = sexText.ToUpperInvariant() switch { "F" or "2" or "FEMALE" => Registry.Sex.Female, "M" or "1" or "MALE" => Registry.Sex.Male, _ => null };
            if (sex is null)
            {
                return (null, "sex", "Not a sex code (F or M).");
            }
        }

        var flags = new bool[4];
        var flagNames = new[] { "ald", "precarity", "isolation", "needs_transport" };
        for (var f = 0; f < flagNames.Length; f++)
        {
            switch (Get(flagNames[f]))
            {
                case null or "0" or "false" or "non": break;
                case "1" or "true" or "oui": flags[f] = true; break;
                case var other: return (null, flagNames[f], "Not 0 or 1.");
            }
        }

        var request = new RegisterPatientRequest(Get("nir"), Get("first_name"), Get("last_name"), birth, Get("commune_code"), sex, Get("phone"), Get("email"),
            flags[0], flags[1], flags[2], flags[3]);
        var errors = PatientValidation.ValidateRegistration(request, today);
        if (errors.Count > 0)
        {
            var first = errors.First();
            return (null, ToColumn(first.Key), first.Value[0]);
        }

        return (new ImportRow(Registry.Nir.Normalize(request.Nir!), request.FirstName!.Trim(), request.LastName!.Trim(), birth!.Value, sex, request.CommuneCode!,
            request.Phone, request.Email, flags[0], flags[1], flags[2], flags[3]), null, null);
    }

    private static string ToColumn(string field) => field switch
    {
        "firstName" => "first_name",
        "lastName" => "last_name",
        "birthDate" => "birth_date",
        "communeCode" => "commune_code",
        _ => field,
    };
}

/// <summary>Formats one COPY row into a reused buffer, without intermediate strings.</summary>
internal sealed class RowWriter(char[] buffer)
{
    private readonly char[] _buffer = buffer;

    public int Length { get; private set; }

    public RowWriter Reset()
    {
        Length = 0;
        return this;
    }

    public RowWriter Char(char c)
    {
        _buffer[Length++] = c;
        return this;
    }

    public RowWriter Text(string text)
    {
        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
        return this;
    }

    public RowWriter Guid(Guid id)
    {
        id.TryFormat(_buffer.AsSpan(Length), out var written);
        Length += written;
        return this;
    }

    public RowWriter Long(long value)
    {
        value.TryFormat(_buffer.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
        return this;
    }

    public RowWriter Bool(bool value) => Char(value ? 't' : 'f');

    public RowWriter Bytea(byte[] bytes)
    {
        _buffer[Length++] = '\\';
        _buffer[Length++] = 'x';
        Convert.TryToHexString(bytes, _buffer.AsSpan(Length), out var written);
        Length += written;
        return this;
    }
}
