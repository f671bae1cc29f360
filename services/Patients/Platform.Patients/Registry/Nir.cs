using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.Patients.Registry;

/// <summary>
/// The NIR (numéro d'inscription au répertoire, social security number): 13 characters and a 2-digit key equal to
/// 97 − (NIR mod 97). Corsican departments 2A and 2B count as 19 and 18 for the key.
/// </summary>
public static class Nir
{
    /// <summary>Removes spaces and upper-cases; does not validate.</summary>
    public static string Normalize(string value) =>
        string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Validates a normalised NIR; on failure says why in words a registration clerk understands.</summary>
    public static bool IsValid(string nir, [NotNullWhen(false)] out string? error)
    {
        error = Check(nir);
        return error is null;
    }

    public static int ComputeKey(string first13)
    {
        var numeric = first13.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        var number = long.Parse(numeric, NumberStyles.None, CultureInfo.InvariantCulture);
        return 97 - (int)(number % 97);
    }

    /// <summary>Two-digit year of birth encoded in positions 2-3.</summary>
    public static int BirthYearTwoDigits(string nir) => int.Parse(nir.AsSpan(1, 2), CultureInfo.InvariantCulture);

    /// <summary>Month of birth encoded in positions 4-5 (01 to 12, or 20 to 42 / 50 to 99 when it was unknown).</summary>
    public static int BirthMonth(string nir) => int.Parse(nir.AsSpan(3, 2), CultureInfo.InvariantCulture);

    private static string? Check(string nir)
    {
        if (nir.Length != 15)
        {
            return "A NIR has 15 characters (13 and a 2-digit key).";
        }

        if (nir[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return "A NIR starts with 1 or 2 (or 3, 4, 7, 8 for provisional numbers).";
        }

        var department = nir.AsSpan(5, 2);
        var departmentOk = department is "2A" or "2B" || (char.IsAsciiDigit(department[0]) && char.IsAsciiDigit(department[1]));
        if (!departmentOk)
        {
            return "Positions 6-7 of a NIR are the department of birth: two digits, or 2A/2B for Corsica.";
        }

        for (var i = 0; i < 15; i++)
        {
            if (i is 5 or 6)
            {
                continue;
            }

            if (!char.IsAsciiDigit(nir[i]))
            {
                return $"A NIR has digits only, except 2A/2B for Corsica (position {i + 1} is not).";
            }
        }

        var month = int.Parse(nir.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (month == 0)
        {
            return "Positions 4-5 of a NIR are the month of birth; 00 is not a month.";
        }

        var key = int.Parse(nir.AsSpan(13, 2), CultureInfo.InvariantCulture);
        var expected = ComputeKey(nir[..13]);
        return key == expected ? null : "The NIR key (last 2 digits) does not match the first 13.";
    }
}
