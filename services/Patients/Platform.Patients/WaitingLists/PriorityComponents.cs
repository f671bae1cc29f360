namespace Platform.Patients.WaitingLists;

public sealed record PriorityComponents(decimal Ald, decimal Age70, decimal Precarity, decimal Isolation, decimal DaysWaited);
