namespace Platform.Testing;

/// <summary>Random valid RPPS numbers for tests: 10 random digits and the Luhn check digit.</summary>
public static class RppsNumbers
{
    /// <summary>An RPPS number with a valid Luhn key, never the same twice in a test run.</summary>
    public static string Valid() => UniqueValues.Next(Draw);

    private static string Draw()
    {
        var digits = Enumerable.Range(0, 10).Select(_ => Random.Shared.Next(10)).ToList();
        // Luhn over the 11 digits: from the right, every second digit (the check digit being first) is doubled.
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = digits[9 - i];
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return string.Concat(digits) + ((10 - (sum % 10)) % 10);
    }
}
