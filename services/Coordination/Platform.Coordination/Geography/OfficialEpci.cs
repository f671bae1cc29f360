using Platform.Geography;

namespace Platform.Coordination.Geography;

/// <summary>An intercommunality (EPCI) of the official geography: its kind (CC, CA, CU, METRO), population and members.</summary>
public sealed record OfficialEpci(string Siren, string Name, string Kind, int Population, IReadOnlyList<string> Departments, IReadOnlyList<EpciMember> Members)
{
    public static OfficialEpci From(Epci epci)
    {
        ArgumentNullException.ThrowIfNull(epci);
        return new OfficialEpci(epci.Siren, epci.Name, epci.Kind, epci.Population, epci.Departments,
            [.. epci.Members.Select(m => new EpciMember(m.Code, m.Name, m.Population))]);
    }
}
