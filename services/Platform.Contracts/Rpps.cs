namespace Platform.Contracts;

/// <summary>RPPS (Répertoire partagé des professionnels de santé) number: 11 digits, the last a Luhn check digit.</summary>
public static class Rpps
{
    public const string Rule = "An RPPS number has 11 digits, the last being a Luhn check digit.";

    public static bool IsValid(string? rpps)
    {
        if (rpps is not { Length: 11 } || rpps.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            var digit = rpps[10 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
