using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Patients.Registry;
using Platform.Patients.WaitingLists;

namespace Platform.Patients.Access;

/// <summary>
/// Which patients a caller's scope (<see cref="PartnerScope"/>, from the identity the gateway signed) reaches:
/// <list type="bullet">
/// <item>region: every patient (regional teams, the ARS, the platform's own services);</item>
/// <item>communes: those living in one of the communes, or waiting on the territory list of one of them;</item>
/// <item>site: those on the site's waiting list (now or before), or consulted at the site;</item>
/// <item>practitioner: those the practitioner consulted, or waiting for a site where they have a mission;</item>
/// <item>none: nobody.</item>
/// </list>
/// Applied in SQL to every read, and checked before every write on a patient: a patient outside the scope is a 404,
/// as if it did not exist.
/// </summary>
public static class PatientScope
{
    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, PatientsDbContext db, PartnerScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        switch (scope.Kind)
        {
            case ScopeKind.Region:
                return patients;
            case ScopeKind.Communes:
                var communes = scope.Communes.ToArray();
                var territoryLists = communes.Select(c => new WaitingListId(WaitingListId.Territory, c).ToString()).ToArray();
                return patients.Where(p => communes.Contains(p.CommuneCode)
                    || db.WaitingListEntries.Any(e => e.PatientId == p.Id && e.LeftAt == null && territoryLists.Contains(e.ListId)));
            case ScopeKind.Site:
                var site = scope.Site!.Value;
                var siteList = new WaitingListId(WaitingListId.Site, site.ToString()).ToString();
                return patients.Where(p => db.WaitingListEntries.Any(e => e.PatientId == p.Id && e.ListId == siteList)
                    || db.Consultations.Any(c => c.PatientId == p.Id && c.SiteId == site));
            case ScopeKind.Practitioner:
                var rpps = scope.Rpps!;
                return patients.Where(p => db.Consultations.Any(c => c.PatientId == p.Id && c.PractitionerRpps == rpps)
                    || db.WaitingListEntries.Any(e => e.PatientId == p.Id && e.LeftAt == null
                        && db.PractitionerSites.Any(s => s.Rpps == rpps && s.ListId == e.ListId && s.CancelledAt == null)));
            default:
                return patients.Where(_ => false);
        }
    }

    public static IQueryable<Patient> VisibleTo(this IQueryable<Patient> patients, PatientsDbContext db, ClaimsPrincipal user) =>
        patients.VisibleTo(db, PartnerScope.Of(user));

    public static Task<bool> CanSeeAsync(this PatientsDbContext db, ClaimsPrincipal user, Guid patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Patients.VisibleTo(db, user).AnyAsync(p => p.Id == patientId, ct);
    }

    /// <summary>
    /// Whether a caller may put patients on a waiting list: a territory list of its communes (or any list, for a
    /// patient already in a communes scope), its own site's list, or the list of a site where the practitioner works.
    /// </summary>
    public static async Task<bool> MayUseListAsync(this PatientsDbContext db, PartnerScope scope, WaitingListId list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var listId = list.ToString();
        return scope.Kind switch
        {
            ScopeKind.Region => true,
            ScopeKind.Communes => list.Scope == WaitingListId.Site || scope.Communes.Contains(list.Key),
            ScopeKind.Site => list.Scope == WaitingListId.Site && list.Key == scope.Site.ToString(),
            ScopeKind.Practitioner => await db.PractitionerSites.AnyAsync(s => s.Rpps == scope.Rpps && s.ListId == listId && s.CancelledAt == null, ct),
            _ => false,
        };
    }
}
