using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts;
using Platform.Patients.Registry;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Patients.BulkImport;

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients/imports").WithTags("Imports");
        group.MapPost("/", UploadAsync)
            .WithName("ImportPatients")
            .WithSummary("Upload a CSV of people without a GP (text/csv); processed in the background, idempotent")
            .Accepts<string>("text/csv")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetImport").WithSummary("An import's progress (rows done / total) and counts")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        group.MapGet("/{id:guid}/errors", ErrorsAsync).WithName("GetImportErrors").WithSummary("The import's rejected lines, with the field at fault")
            .RequireAuthorization(PlatformPolicies.PatientsWrite);
        return app;
    }

    /// <summary>
    /// Spools the body to disk as it arrives (never whole in memory), checking the header and the line lengths on the
    /// way; a broken file is refused with 400 and leaves nothing behind. Then the import is queued: 202 + Location.
    /// </summary>
    internal static async Task<Results<Accepted<ImportResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext http, PatientsDbContext db, IOptions<ImportOptions> options, ImportSignal signal, TimeProvider time, CancellationToken ct)
    {
        var o = options.Value;
        var scope = PartnerScope.Of(http.User);
        if (scope.Kind is not (ScopeKind.Region or ScopeKind.Communes))
        {
            return TypedResults.Problem(statusCode: 403, title: "Imports are for the region or a territory (a communes scope).",
                detail: "A centre or a practitioner registers patients one by one.");
        }

        if (!string.Equals(http.Request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: 415, title: "Send the file as text/csv (UTF-8).");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = o.MaxBytes;
        }

        Directory.CreateDirectory(o.Directory);
        var id = Guid.CreateVersion7();
        var path = ImportWorker.SpoolPath(o, id);
        var spool = await SpoolAsync(http.Request.Body, path, o, ct);
        if (spool.Error is not null)
        {
            File.Delete(path);
            // Read the rest before answering, so the client (or the gateway) gets the 400 and not a reset connection.
            await http.Request.Body.CopyToAsync(Stream.Null, ct);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [spool.ErrorField!] = [spool.Error] },
                title: "The file cannot be imported; nothing was written.");
        }

        var import = new PatientImport
        {
            Id = id,
            Status = ImportStatus.Pending,
            Sha256 = spool.Sha256,
            Bytes = spool.Bytes,
            RowsTotal = spool.Rows,
            Node = Environment.MachineName,
            CreatedAt = time.GetUtcNow(),
            Scope = scope.ToString(),
        };
        var sameFile = await db.PatientImports.Where(i => i.Sha256 == import.Sha256).OrderBy(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        db.PatientImports.Add(import);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return TypedResults.Accepted($"/api/patients/imports/{id}", ImportResponse.From(import, sameFile));
    }

    private sealed record SpoolResult(long Bytes, int Rows, string Sha256, string? ErrorField = null, string? Error = null);

    private static async Task<SpoolResult> SpoolAsync(Stream body, string path, ImportOptions o, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        var scan = new SpoolScan(o.MaxLineBytes);
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            bytes += read;
            if (scan.Feed(buffer.AsSpan(0, read)) is { } error)
            {
                return new SpoolResult(bytes, 0, string.Empty, error.Field, error.Message);
            }
        }

        return scan.Finish() is { } last
            ? new SpoolResult(bytes, 0, string.Empty, last.Field, last.Message)
            : new SpoolResult(bytes, scan.DataRows, Convert.ToHexString(sha.GetHashAndReset()));
    }

    /// <summary>What the spooler checks as bytes go by: the header, and that no line is absurdly long. Counts the rows.</summary>
    private sealed class SpoolScan(int maxLineBytes)
    {
        private readonly List<byte> _header = [];
        private bool _headerDone;
        private int _lines;
        private int _lineLength;

        public int DataRows => Math.Max(0, _lines - 1);

        public (string Field, string Message)? Feed(ReadOnlySpan<byte> chunk)
        {
            foreach (var b in chunk)
            {
                if (b == (byte)'\n')
                {
                    if (!_headerDone)
                    {
                        _headerDone = true;
                        if (CheckHeader(_header) is { } headerError)
                        {
                            return ("header", headerError);
                        }
                    }

                    _lines++;
                    _lineLength = 0;
                }
                else if (++_lineLength > maxLineBytes)
                {
                    return ($"line {_lines + 1}", $"Line {_lines + 1} is longer than {maxLineBytes} bytes: this is not a patient record.");
                }
                else if (!_headerDone)
                {
                    _header.Add(b);
                }
            }

            return null;
        }

        public (string Field, string Message)? Finish()
        {
            if (!_headerDone)
            {
                _lines = _header.Count > 0 ? 1 : 0;
                return CheckHeader(_header) is { } headerError ? ("header", headerError) : null;
            }

            if (_lineLength > 0)
            {
                _lines++; // the last line has no final newline
            }

            return null;
        }
    }

    private static string? CheckHeader(List<byte> header)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(header));
        }
        catch (DecoderFallbackException)
        {
            return "The file is not UTF-8 (its header line cannot be read).";
        }

        return text.Length == 0 ? "The file is empty: a header line is expected." : CsvFormat.TryParseHeader(text, out var error) is null ? error : null;
    }

    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(Guid id, PatientsDbContext db, HttpContext http, CancellationToken ct) =>
        await db.PatientImports.AsNoTracking().VisibleTo(http.User).FirstOrDefaultAsync(i => i.Id == id, ct) is { } import
            ? TypedResults.Ok(ImportResponse.From(import))
            : TypedResults.Problem(statusCode: 404, title: "No import has this id.");

    /// <summary>An import is read by its uploader's scope, or by the region.</summary>
    private static IQueryable<PatientImport> VisibleTo(this IQueryable<PatientImport> imports, System.Security.Claims.ClaimsPrincipal user)
    {
        var scope = PartnerScope.Of(user);
        var own = scope.ToString();
        return scope.Kind == ScopeKind.Region ? imports : imports.Where(i => i.Scope == own);
    }

    internal static async Task<Results<Ok<Paged<ImportErrorResponse>>, ValidationProblem, ProblemHttpResult>> ErrorsAsync(
        Guid id, PatientsDbContext db, HttpContext http, CancellationToken ct, [Page] int page = 1, [PageSize] int pageSize = 100)
    {
        if (!await db.PatientImports.VisibleTo(http.User).AnyAsync(i => i.Id == id, ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "No import has this id.");
        }

        var query = db.PatientImportErrors.AsNoTracking().Where(e => e.ImportId == id);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Line).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new ImportErrorResponse(e.Line, e.Field, e.Message)).ToListAsync(ct);
        return TypedResults.Ok(new Paged<ImportErrorResponse>(items, page, pageSize, total));
    }
}
