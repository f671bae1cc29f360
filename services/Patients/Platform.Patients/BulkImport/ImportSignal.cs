using Platform.Messaging;

namespace Platform.Patients.BulkImport;

/// <summary>Wakes the import worker when a file has been uploaded.</summary>
public sealed class ImportSignal : WakeSignal;
