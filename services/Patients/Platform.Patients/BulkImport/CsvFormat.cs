using System.Text;

namespace Platform.Patients.BulkImport;

/// <summary>
/// The import file: UTF-8 CSV, a header line, ';' (as CPAM extracts) or ',' as delimiter, fields optionally in double
/// quotes ("" inside quotes is a quote), one record per line. Columns, in any order:
/// nir, first_name, last_name, birth_date (YYYY-MM-DD), commune_code; optional: sex (F/M), phone, email, ald (0/1),
/// precarity (0/1), isolation (0/1), needs_transport (0/1).
/// </summary>
public sealed class CsvFormat
{
    public static readonly string[] Required = ["nir", "first_name", "last_name", "birth_date", "commune_code"];
    public static readonly string[] Optional = ["sex", "phone", "email", "ald", "precarity", "isolation", "needs_transport"];

    private CsvFormat(char delimiter, Dictionary<string, int> columns)
    {
        Delimiter = delimiter;
        Columns = columns;
    }

    public char Delimiter { get; }

    public IReadOnlyDictionary<string, int> Columns { get; }

    public int Index(string column) => Columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>Reads the header; on failure says what is wrong (missing columns, unknown delimiter).</summary>
    public static CsvFormat? TryParseHeader(string header, out string? error)
    {
        header = header.TrimStart('\uFEFF').TrimEnd('\r');
        var delimiter = header.Contains(';', StringComparison.Ordinal) ? ';' : header.Contains(',', StringComparison.Ordinal) ? ',' : '\0';
        if (delimiter == '\0')
        {
            error = $"The first line must be a header with ';' or ',' between the columns {string.Join(", ", Required)}.";
            return null;
        }

        var names = header.Split(delimiter).Select(n => n.Trim().Trim('"').ToLowerInvariant()).ToList();
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Required.Contains(names[i]) || Optional.Contains(names[i]))
            {
                if (!columns.TryAdd(names[i], i))
                {
                    error = $"Column '{names[i]}' appears twice in the header.";
                    return null;
                }
            }
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            error = $"Missing column(s): {string.Join(", ", missing)} (delimiter '{delimiter}'; expected {string.Join(", ", Required)}).";
            return null;
        }

        error = null;
        return new CsvFormat(delimiter, columns);
    }

    /// <summary>Splits one record into fields; false when quotes are unbalanced.</summary>
    public bool TrySplit(string line, List<string> fields)
    {
        fields.Clear();
        var span = line.AsSpan().TrimEnd('\r');
        if (span.IndexOf('"') < 0)
        {
            foreach (var range in span.Split(Delimiter))
            {
                fields.Add(span[range].Trim().ToString());
            }

            return true;
        }

        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < span.Length && span[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == Delimiter)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return !quoted;
    }
}
