namespace Platform.Coordination.Territory;

public sealed record MemberPage(IReadOnlyList<MemberResponse> Items, int Page, int PageSize, int Total);
