namespace Platform.Funding.Funders;

public sealed record FunderResponse(Guid Id, string Name, FunderKind Kind)
{
    public static FunderResponse From(Funder f) => new(f.Id, f.Name, f.Kind);
}
