namespace Platform.Patients.WaitingLists;

public sealed record RankedWaitingList(string WaitingList, PriorityWeights Weights, IReadOnlyList<RankedPatient> Items, int Page, int PageSize, int Total);
