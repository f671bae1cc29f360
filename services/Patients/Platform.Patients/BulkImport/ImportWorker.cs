using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Contracts;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Patients.Protection;

namespace Platform.Patients.BulkImport;

/// <summary>
/// Processes spooled imports, one at a time per instance. Each batch (<see cref="ImportOptions.BatchSize"/> rows) is one
/// transaction: the new patients (a binary COPY of rows enciphered while the previous batch was written; NIRs already
/// registered are skipped), the rejected lines, the progress, and one PatientsImported event with per-commune counts. After a crash the import resumes at the last committed batch;
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
            // Two stages on two threads of their own: parsing, validating and enciphering the next batch overlaps with
            // writing the previous one. Both are synchronous (no thread-pool hop per socket write: the pool's spinning
            // cost as much CPU as the import itself on two cores).
            using var batches = new BlockingCollection<ImportBatch>(boundedCapacity: 1);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var rowsDone = import.RowsDone;
            var uploader = PartnerScope.TryParse(import.Scope, out var parsed, out _) ? parsed : PartnerScope.None;
            var producer = Task.Factory.StartNew(() => ReadBatches(path, rowsDone, uploader, batches, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                await Task.Factory.StartNew(
                    () =>
                    {
                        foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
                        {
                            using (batch)
                            {
                                WriteBatch(db, import, batch);
                            }
                        }
                    },
                    stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            catch
            {
                await stop.CancelAsync(); // the reader stops too
                await ((Task)producer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
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

    private void ReadBatches(string path, int rowsDone, PartnerScope uploader, BlockingCollection<ImportBatch> output, CancellationToken ct)
    {
        try
        {
            var o = options.Value;
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new Utf8LineReader(file);
            reader.TryReadLine(out var header);
            var format = CsvFormat.TryParseHeader(header ?? string.Empty, out _)!; // checked when the file was received
            var batch = new ImportBatch(rowsDone / o.BatchSize, time.GetUtcNow());
            var line = 1; // the header
            var fields = new List<string>(16);
            var communes = new Dictionary<string, string>(StringComparer.Ordinal); // one string per commune, not per row
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
                    batch.Reject(line, "line", "Not valid UTF-8: the file must be UTF-8 encoded.");
                }
                else if (text.Length == 0)
                {
                    batch.Skip();
                }
                else if (ImportRow.Parse(format, text, fields, today) is var (parsed, field, error) && parsed is not { } row)
                {
                    batch.Reject(line, field!, error!);
                }
                else if (!uploader.Covers(row.CommuneCode))
                {
                    batch.Reject(line, "commune_code", "This commune is outside the scope of the key that uploaded the file.");
                }
                else
                {
                    // Enciphered and formatted here, while the previous batch is being written.
                    var commune = communes.TryGetValue(row.CommuneCode, out var known) ? known : communes[row.CommuneCode] = row.CommuneCode;
                    batch.Add(row, cipher, commune);
                }

                if (batch.Lines >= o.BatchSize)
                {
                    output.Add(batch, ct);
                    batch = new ImportBatch(batch.Number + 1, time.GetUtcNow());
                }
            }

            if (batch.Lines > 0)
            {
                output.Add(batch, ct);
            }
        }
        finally
        {
            output.CompleteAdding(); // the writer ends after the last batch; an error here is thrown by the awaited reader
        }
    }

    private void WriteBatch(PatientsDbContext db, PatientImport import, ImportBatch batch)
    {
        var o = options.Value;
        using var transaction = db.Database.BeginTransaction();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        // Skip the rows whose NIR is already registered, or appears earlier in this batch. NIRs are looked up by their
        // blind index (the NIR itself is never stored in clear).
        var existing = new HashSet<UInt128>();
        using (var cmd = new NpgsqlCommand("SELECT nir_index FROM patients WHERE nir_index = ANY(@indexes)", connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
        {
            var indexes = new byte[batch.NirIndexes.Count][];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = new byte[16];
                BinaryPrimitives.WriteUInt128LittleEndian(indexes[i], batch.NirIndexes[i]);
            }

            cmd.Parameters.Add(new NpgsqlParameter<byte[][]>("indexes", indexes));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                existing.Add(BinaryPrimitives.ReadUInt128LittleEndian(r.GetFieldValue<byte[]>(0)));
            }
        }

        var fresh = new List<int>(batch.Rows.Count);
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            if (existing.Add(batch.NirIndexes[i]))
            {
                fresh.Add(i);
            }
        }

        if (fresh.Count > 0)
        {
            using var copy = connection.BeginRawBinaryCopy(ImportBatch.CopyCommand);
            copy.Write(BinaryCopyRows.Header);
            if (fresh.Count == batch.Rows.Count)
            {
                copy.Write(batch.Rows.All);
            }
            else
            {
                foreach (var i in fresh)
                {
                    copy.Write(batch.Rows.Row(i));
                }
            }

            copy.Write(BinaryCopyRows.Trailer);
        }

        var keptErrors = db.PatientImportErrors.Count(e => e.ImportId == import.Id);
        foreach (var (line, field, message) in batch.Errors.Take(Math.Max(0, o.MaxErrorsKept - keptErrors)))
        {
            db.PatientImportErrors.Add(new PatientImportError { ImportId = import.Id, Line = line, Field = field, Message = message });
        }

        import.RowsDone += batch.Lines;
        import.RowsImported += fresh.Count;
        import.RowsDuplicate += batch.Rows.Count - fresh.Count;
        import.RowsRejected += batch.Errors.Count;
        if (fresh.Count > 0)
        {
            var communes = fresh.GroupBy(i => batch.Communes[i], StringComparer.Ordinal)
                .Select(g => new CommuneCount(g.Key, g.Count())).OrderBy(c => c.CommuneCode, StringComparer.Ordinal).ToList();
            db.AddIntegrationEvent(new PatientsImported(import.Id, batch.Number, communes, time.GetUtcNow()));
        }

        db.SaveChanges();
        transaction.Commit();
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
