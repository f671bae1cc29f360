using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Patients.Registry;

namespace Platform.Patients.Protection;

/// <summary>
/// Seals and opens patients' identities around EF Core: a patient read from the database comes with its identity in
/// clear (materialization), and a patient added or whose identity changed is enciphered, with its blind indexes,
/// before the save. Code above EF never sees a ciphertext; SQL never sees a clear identity.
/// </summary>
public sealed class IdentityProtectionInterceptor(IdentityCipher cipher) : IMaterializationInterceptor, ISaveChangesInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Patient patient)
        {
            Open(patient);
        }

        return entity;
    }

    public void Open(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var identity = patient.IdentityCipher is { } sealedBytes && patient.KeyId is { } keyId
            ? cipher.Open(patient.Id, sealedBytes, keyId)
            : new PatientIdentity(null, null, null, new DateOnly(Math.Max(patient.BirthYear, 1), 1, 1), null, null); // erased
        patient.Nir = identity.Nir;
        patient.FirstName = identity.FirstName;
        patient.LastName = identity.LastName;
        patient.BirthDate = identity.BirthDate;
        patient.Phone = identity.Phone;
        patient.Email = identity.Email;
        patient.Opened = identity;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Seal(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Patient>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged))
        {
            var patient = entry.Entity;
            var identity = patient.Identity;
            if (entry.State != EntityState.Added && identity == patient.Opened)
            {
                continue; // identity unchanged: the ciphertext stays as it is
            }

            var erased = identity is { Nir: null, FirstName: null, LastName: null, Phone: null, Email: null };
            entry.Property(p => p.IdentityCipher).CurrentValue = erased ? null : cipher.Seal(patient.Id, identity);
            entry.Property(p => p.KeyId).CurrentValue = erased ? null : cipher.CurrentKey;
            entry.Property(p => p.NirIndex).CurrentValue = identity.Nir is { } nir ? cipher.NirIndex(nir) : null;
            entry.Property(p => p.NameKeys).CurrentValue = cipher.NameKeys(identity.FirstName, identity.LastName);
            entry.Property(p => p.BirthYear).CurrentValue = identity.BirthDate.Year;
            patient.Opened = identity;
        }
    }
}
