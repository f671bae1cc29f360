using System.Collections.Frozen;

namespace Platform.Geography;

/// <summary>
/// The official geography of the regions the platform serves (metropolitan France and the five overseas departments):
/// 34,875 current communes and the 45 municipal arrondissements with their legal populations, the communes they
/// replaced, 1,255 intercommunalities (EPCI) with their members, departments and regions. Loaded once per process from
/// the file embedded in this assembly (<see cref="Official"/>); every look-up by code is a hash look-up. Immutable,
/// so shared freely between threads.
/// </summary>
public sealed class FranceGeography
{
    /// <summary>The vintage every answer that uses a population states.</summary>
    public const string Vintage = "INSEE Code officiel géographique 2026, populations municipales (npm @etalab/decoupage-administratif 6.0.0)";

    private static readonly Lazy<FranceGeography> s_official = new(LoadOfficial, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CommuneCheck> _checks; // current and former codes, answered without allocating
    private readonly FrozenDictionary<string, Epci> _epcis;
    private readonly FrozenDictionary<string, Department> _departments;
    private readonly FrozenDictionary<string, Region> _regions;
    private readonly FrozenDictionary<string, Epci[]> _epcisByDepartment;
    private readonly (string Folded, Commune Commune)[] _byName;

    private FranceGeography(List<Region> regions, List<Department> departments, List<(string Siren, string Name, string Kind)> epcis, List<Commune> communes)
    {
        _regions = regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        _departments = departments.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        var current = communes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var former = communes.SelectMany(c => c.FormerCodes.Select(f => (Former: f, Successor: c)))
            .Where(f => !current.Contains(f.Former)) // a commune nouvelle often keeps one of its founders' codes
            .Select(f => new CommuneCheck(f.Former, CommuneCodeStatus.Former, null, f.Successor,
                $"{f.Former} is a former commune, now part of {f.Successor.Code} {f.Successor.Name}: use {f.Successor.Code}."));
        _checks = communes.Select(c => new CommuneCheck(c.Code, CommuneCodeStatus.Current, c, null, null)).Concat(former)
            .ToFrozenDictionary(c => c.Code!, StringComparer.Ordinal);
        var members = communes.Where(c => c.EpciSiren is not null && !c.IsArrondissement).ToLookup(c => c.EpciSiren!, StringComparer.Ordinal);
        _epcis = epcis.Select(e => new Epci(e.Siren, e.Name, e.Kind, members[e.Siren].Sum(m => m.Population), [.. members[e.Siren]]))
            .ToFrozenDictionary(e => e.Siren, StringComparer.Ordinal);
        _epcisByDepartment = _epcis.Values.SelectMany(e => e.Departments.Select(d => (Department: d, Epci: e)))
            .GroupBy(x => x.Department, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Epci).OrderBy(e => e.Siren, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _byName = [.. communes.Select(c => (Fold(c.Name), c)).OrderBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.c.Code, StringComparer.Ordinal)];
        Communes = [.. communes.Where(c => !c.IsArrondissement)];
        Epcis = [.. _epcis.Values.OrderBy(e => e.Siren, StringComparer.Ordinal)];
        Departments = [.. departments];
        Regions = [.. regions];
    }

    /// <summary>The geography embedded in this assembly, loaded on first use.</summary>
    public static FranceGeography Official => s_official.Value;

    /// <summary>The current communes (not the municipal arrondissements), by code.</summary>
    public IReadOnlyList<Commune> Communes { get; }

    public IReadOnlyList<Epci> Epcis { get; }

    public IReadOnlyList<Department> Departments { get; }

    public IReadOnlyList<Region> Regions { get; }

    /// <summary>A current commune or municipal arrondissement by its INSEE code, or null.</summary>
    public Commune? Commune(string? code) => code is not null && _checks.TryGetValue(code, out var known) ? known.Commune : null;

    public Epci? Epci(string? siren) => siren is not null && _epcis.TryGetValue(siren, out var epci) ? epci : null;

    public Department? Department(string? code) => code is not null && _departments.TryGetValue(code, out var department) ? department : null;

    public Region? Region(string? code) => code is not null && _regions.TryGetValue(code, out var region) ? region : null;

    /// <summary>The EPCIs with at least one commune in the department.</summary>
    public IReadOnlyList<Epci> EpcisOfDepartment(string department) =>
        _epcisByDepartment.TryGetValue(department, out var epcis) ? epcis : [];

    /// <summary>The EPCIs with at least one commune in the region.</summary>
    public IReadOnlyList<Epci> EpcisOfRegion(string region) =>
        [.. Departments.Where(d => d.Region == region).SelectMany(d => EpcisOfDepartment(d.Code)).Distinct().OrderBy(e => e.Siren, StringComparer.Ordinal)];

    /// <summary>
    /// What the reference says of a code given for a commune: current (or a municipal arrondissement), former (merged
    /// into a commune nouvelle, which is named), unknown, or not an INSEE code at all; with the message a caller shows.
    /// </summary>
    public CommuneCheck Check(string? code)
    {
        if (code is not null && _checks.TryGetValue(code, out var known))
        {
            return known;
        }

        if (!CommuneCodes.IsWellFormed(code))
        {
            return new CommuneCheck(code, CommuneCodeStatus.Malformed, null, null, CommuneCodes.Rule);
        }

        return new CommuneCheck(code, CommuneCodeStatus.Unknown, null, null,
            $"No commune has the INSEE code {code} (official geography, COG 2026; the overseas collectivities are not served).");
    }

    /// <summary>Null for an intercommunality of the reference; otherwise what to tell the caller.</summary>
    public string? EpciProblem(string? siren) => Epci(siren) is not null ? null
        : siren is { Length: 9 } && siren.All(char.IsAsciiDigit)
            ? $"No intercommunality (EPCI à fiscalité propre) has the SIREN {siren}."
            : "An intercommunality is identified by its 9-digit SIREN (e.g. 200083392).";

    /// <summary>Null for a department of the regions served; otherwise what to tell the caller.</summary>
    public string? DepartmentProblem(string? code) =>
        Department(code) is not null ? null : $"No department has the code '{code}' (01 to 95, 2A, 2B, 971 to 974, 976).";

    /// <summary>Null for a region served; otherwise what to tell the caller.</summary>
    public string? RegionProblem(string? code) =>
        Region(code) is not null ? null : $"No region has the code '{code}' (INSEE codes: 52 Pays de la Loire, 53 Bretagne...).";

    /// <summary>
    /// Communes (and municipal arrondissements) whose name starts with <paramref name="prefix"/>, ignoring case, accents,
    /// hyphens and apostrophes ("st", "Saint-" and "saint " are not the same prefix), optionally in one department; by
    /// name, then code.
    /// </summary>
    public IEnumerable<Commune> Search(string? prefix, string? department = null)
    {
        var folded = Fold(prefix ?? "");
        var start = LowerBound(folded);
        for (var i = start; i < _byName.Length && _byName[i].Folded.StartsWith(folded, StringComparison.Ordinal); i++)
        {
            if (department is null || _byName[i].Commune.Department == department)
            {
                yield return _byName[i].Commune;
            }
        }
    }

    private int LowerBound(string folded)
    {
        int low = 0, high = _byName.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_byName[middle].Folded, folded) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A name for matching: lower case, without accents, hyphens and apostrophes as spaces, spaces single.</summary>
    internal static string Fold(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            var folded = char.ToLowerInvariant(c) switch
            {
                'à' or 'â' or 'ä' or 'á' or 'ã' or 'å' => 'a',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'î' or 'ï' or 'í' or 'ì' => 'i',
                'ô' or 'ö' or 'ó' or 'ò' or 'õ' => 'o',
                'ù' or 'û' or 'ü' or 'ú' => 'u',
                'ç' => 'c',
                'ÿ' or 'ý' => 'y',
                'ñ' => 'n',
                '-' or '\'' or '’' or ' ' => ' ',
                var other => other,
            };
            if (folded == ' ' && (length == 0 || buffer[length - 1] == ' '))
            {
                continue;
            }

            buffer[length++] = folded;
        }

        // Ligatures spelled out (Œuvres → oeuvres).
        return new string(buffer[..length]).Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }

    private static FranceGeography LoadOfficial()
    {
        using var stream = typeof(FranceGeography).Assembly.GetManifestResourceStream("Platform.Geography.geography.tsv")
            ?? throw new InvalidOperationException("The geography file is not embedded in Platform.Geography (see its .csproj).");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    /// <summary>Reads the file's lines (see eng/geography/derive.mjs for their layout).</summary>
    internal static FranceGeography Load(TextReader reader)
    {
        var regions = new List<Region>();
        var departments = new List<Department>();
        var epcis = new List<(string, string, string)>();
        var communes = new List<Commune>(36_000);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal); // one string per department, region, EPCI, postal code
        string Shared(string value) => shared.TryGetValue(value, out var existing) ? existing : shared[value] = value;
        IReadOnlyList<string> List(string value) => value.Length == 0 ? [] : [.. value.Split(',').Select(Shared)];

        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "R" when f.Length == 3:
                    regions.Add(new Region(Shared(f[1]), f[2]));
                    break;
                case "D" when f.Length == 4:
                    departments.Add(new Department(Shared(f[1]), f[2], Shared(f[3])));
                    break;
                case "E" when f.Length == 4:
                    epcis.Add((Shared(f[1]), f[2], Shared(f[3])));
                    break;
                case "C" when f.Length == 9:
                    communes.Add(new Commune(f[1], f[2], Shared(f[3]), Shared(f[4]), int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture),
                        f[6].Length == 0 ? null : Shared(f[6]), List(f[7]), f[8].Length == 0 ? [] : f[8].Split(',')));
                    break;
                case "A" when f.Length == 8:
                    communes.Add(new Commune(f[1], f[2], Shared(f[3]), Shared(f[4]), int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture),
                        null, List(f[7]), [], Shared(f[6])));
                    break;
                default:
                    throw new InvalidDataException($"Geography file, line {number}: not a line of the expected layout.");
            }
        }

        return new FranceGeography(regions, departments, epcis, communes);
    }
}
