namespace Platform.Gateway.Partners;

/// <summary>
/// Health professionals signed in with Pro Santé Connect (<c>Gateway:Jwt:Professionals</c>). Their tokens name a
/// person, not a platform role: the national identifier (<c>SubjectNameID</c>: "8" then the 11-digit RPPS) and the
/// professions they exercise (<c>SubjectRefPro</c>: <c>exercices[].codeProfession</c>, 10 for a physician). A
/// professional of an admitted profession becomes the partner <c>rpps:&lt;RPPS&gt;</c>, role <c>practitioner</c>, scope
/// <c>practitioner:&lt;RPPS&gt;</c>: the patients they consulted or who wait for a site of their missions (docs/roles.md).
/// </summary>
public sealed class ProfessionalOptions
{
    public bool Enabled { get; set; }

    public string IdentifierClaim { get; set; } = "SubjectNameID";

    public string ProfessionClaim { get; set; } = "SubjectRefPro";

    /// <summary>Profession codes admitted (the RPPS nomenclature: 10 physician, 21 pharmacist, 40 dental surgeon, 50 midwife, 60 nurse).</summary>
    public List<string> Professions { get; set; } = ["10"];
}
