namespace Platform.Patients.Consultations;

public sealed record ConsultationResponse(Guid Id, Guid PatientId, DateOnly Date, Guid SiteId, string PractitionerRpps, ConsultationKind Kind, IReadOnlyList<OrientationResponse> Orientations)
{
    public static ConsultationResponse From(Consultation c) => new(c.Id, c.PatientId, c.Date, c.SiteId, c.PractitionerRpps, c.Kind,
        c.Orientations.ConvertAll(o => new OrientationResponse(o.Id, o.Kind, o.Note)));
}
