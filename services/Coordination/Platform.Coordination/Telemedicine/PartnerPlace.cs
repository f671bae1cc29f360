namespace Platform.Coordination.Telemedicine;

/// <summary>A partner place of the territory (pharmacy, town hall, France Services), possibly with a telemedicine cabin.</summary>
public sealed class PartnerPlace
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public PlaceKind Kind { get; set; }

    public required string CommuneCode { get; set; }

    public bool HasCabin { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
