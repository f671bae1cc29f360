using Microsoft.EntityFrameworkCore;
using Platform.Messaging;

namespace Platform.Patients.Protection;

/// <summary>
/// Moves every patient's identity onto the current key (<c>dotnet Platform.Patients.dll rotate-keys</c>): rows
/// enciphered under an older key are opened and sealed again, a batch per transaction, with progress on the console;
/// once it reports zero left, the old key can leave the configuration. After the migrations it also seals the
/// identities an older version stored in clear (<c>legacy_*</c> columns), which are emptied in the same transaction.
/// </summary>
public sealed partial class IdentityKeyRotation(IServiceScopeFactory scopes, IdentityCipher cipher, ILogger<IdentityKeyRotation> logger)
    : IServiceCommand, IPostMigrationStep
{
    public const int BatchSize = 500;

    public string Name => "rotate-keys";

    async Task IServiceCommand.RunAsync(CancellationToken cancellationToken)
    {
        await SealLegacyAsync(cancellationToken);
        var moved = await RotateAsync(cancellationToken);
        Console.WriteLine($"rotate-keys: {moved} identities re-enciphered; every row is now on key '{cipher.CurrentKey}'.");
    }

    Task IPostMigrationStep.RunAsync(CancellationToken cancellationToken) => SealLegacyAsync(cancellationToken);

    /// <summary>Re-enciphers the rows on another key than the current one; returns how many.</summary>
    public async Task<int> RotateAsync(CancellationToken ct)
    {
        var current = cipher.CurrentKey;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        var left = await db.Patients.CountAsync(p => p.KeyId != null && p.KeyId != current, ct);
        var done = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var batch = await db.Patients.Where(p => p.KeyId != null && p.KeyId != current).OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var patient in batch)
            {
                patient.Opened = null; // sealed again on save, under the current key
            }

            await db.SaveChangesAsync(ct);
            done += batch.Count;
            LogProgress(logger, done, left);
        }
    }

    /// <summary>Seals the identities stored in clear by versions before encryption, and empties those columns.</summary>
    public async Task SealLegacyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        var sealedCount = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var legacy = await db.Database.SqlQuery<LegacyIdentity>($"""
                SELECT id, legacy_nir, legacy_first_name, legacy_last_name, legacy_birth_date, legacy_phone, legacy_email
                FROM patients WHERE legacy_nir IS NOT NULL OR legacy_first_name IS NOT NULL OR legacy_last_name IS NOT NULL
                  OR legacy_birth_date IS NOT NULL OR legacy_phone IS NOT NULL OR legacy_email IS NOT NULL
                ORDER BY id LIMIT {BatchSize} FOR UPDATE
                """).ToListAsync(ct);
            if (legacy.Count == 0)
            {
                if (sealedCount > 0)
                {
                    LogLegacySealed(logger, sealedCount);
                }

                return;
            }

            var ids = legacy.Select(l => l.Id).ToList();
            var patients = await db.Patients.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            foreach (var row in legacy)
            {
                var patient = patients[row.Id];
                patient.Nir = row.LegacyNir;
                patient.FirstName = row.LegacyFirstName;
                patient.LastName = row.LegacyLastName;
                patient.BirthDate = row.LegacyBirthDate ?? new DateOnly(Math.Max(patient.BirthYear, 1), 1, 1);
                patient.Phone = row.LegacyPhone;
                patient.Email = row.LegacyEmail;
            }

            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE patients SET legacy_nir = NULL, legacy_first_name = NULL, legacy_last_name = NULL, legacy_birth_date = NULL,
                  legacy_phone = NULL, legacy_email = NULL WHERE id = ANY({ids.ToArray()})
                """, ct);
            await transaction.CommitAsync(ct);
            sealedCount += legacy.Count;
        }
    }

    internal sealed record LegacyIdentity(Guid Id, string? LegacyNir, string? LegacyFirstName, string? LegacyLastName, DateOnly? LegacyBirthDate,
        string? LegacyPhone, string? LegacyEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "rotate-keys: {Done} of {Total} identities re-enciphered")]
    private static partial void LogProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} identities stored in clear by an older version are now enciphered")]
    private static partial void LogLegacySealed(ILogger logger, int count);
}
