namespace Platform.Patients.Statistics;

public sealed class PseudonymOptions
{
    /// <summary>Secret key of the pseudonyms (<c>Patients:Pseudonyms:Key</c>, 32+ characters), from configuration only, never the repository.</summary>
    public string Key { get; set; } = string.Empty;
}
