using System.Globalization;
using Platform.Patients.Registry;

namespace Platform.Patients.BulkImport;

/// <summary>One CSV record, validated with the same rules as <c>POST /api/patients</c>.</summary>
internal sealed record ImportRow(
    string Nir, string FirstName, string LastName, DateOnly BirthDate, Sex? Sex, string CommuneCode, string? Phone, string? Email,
    bool HasAld, bool Precarity, bool Isolation, bool NeedsTransport)
{
    public static (ImportRow? Row, string? Field, string? Error) Parse(CsvFormat format, string text, List<string> fields, DateOnly today)
    {
        if (!format.TrySplit(text, fields))
        {
            return (null, "line", "Unbalanced double quotes.");
        }

        if (fields.Count < format.Columns.Count)
        {
            return (null, "line", $"{fields.Count} field(s) where the header has {format.Columns.Count} (delimiter '{format.Delimiter}').");
        }

        string? Get(string column) => format.Index(column) is >= 0 and var i && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;

        var birthText = Get("birth_date");
        DateOnly? birth = DateOnly.TryParseExact(birthText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : null;
        if (birthText is not null && birth is null)
        {
            return (null, "birth_date", "Not a date (YYYY-MM-DD).");
        }

        Sex? sex = null;
        if (Get("sex") is { } sexText)
        {
            sex = sexText.ToUpperInvariant() switch { "F" or "2" or "FEMALE" => Registry.Sex.Female, "M" or "1" or "MALE" => Registry.Sex.Male, _ => null };
            if (sex is null)
            {
                return (null, "sex", "Not a sex code (F or M).");
            }
        }

        var flags = new bool[4];
        var flagNames = new[] { "ald", "precarity", "isolation", "needs_transport" };
        for (var f = 0; f < flagNames.Length; f++)
        {
            switch (Get(flagNames[f]))
            {
                case null or "0" or "false" or "non": break;
                case "1" or "true" or "oui": flags[f] = true; break;
                case var other: return (null, flagNames[f], "Not 0 or 1.");
            }
        }

        var request = new RegisterPatientRequest(Get("nir"), Get("first_name"), Get("last_name"), birth, Get("commune_code"), sex, Get("phone"), Get("email"),
            flags[0], flags[1], flags[2], flags[3]);
        var errors = PatientValidation.ValidateRegistration(request, today);
        if (errors.Count > 0)
        {
            var first = errors.First();
            return (null, ToColumn(first.Key), first.Value[0]);
        }

        return (new ImportRow(Registry.Nir.Normalize(request.Nir!), request.FirstName!.Trim(), request.LastName!.Trim(), birth!.Value, sex, request.CommuneCode!,
            request.Phone, request.Email, flags[0], flags[1], flags[2], flags[3]), null, null);
    }

    private static string ToColumn(string field) => field switch
    {
        "firstName" => "first_name",
        "lastName" => "last_name",
        "birthDate" => "birth_date",
        "communeCode" => "commune_code",
        _ => field,
    };
}
