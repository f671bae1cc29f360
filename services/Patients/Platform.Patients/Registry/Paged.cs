namespace Platform.Patients.Registry;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
