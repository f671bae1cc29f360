namespace Platform.ServiceDefaults;

/// <summary>Validation messages and checks every service's endpoints share, so a partner reads the same words everywhere.</summary>
public static class RequestValidation
{
    public const int MaxPageSize = 200;

    /// <summary>The last page a list serves (beyond it, offsets would overflow long before any list is that long).</summary>
    public const int MaxPage = 100_000;

    /// <summary>The message for a missing or unknown enum value: the accepted names.</summary>
    public static string[] RequiredOneOf<TEnum>() where TEnum : struct, Enum =>
        [$"Required: one of {string.Join(", ", Enum.GetNames<TEnum>())}."];

    /// <summary>Checks optional contact details (an e-mail address of 200 characters at most, a phone of 30), adding errors.</summary>
    public static void ContactErrors(string? email, string? phone, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (email is not null && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors["email"] = ["An e-mail address, at most 200 characters."];
        }

        if (phone is { Length: > 30 })
        {
            errors["phone"] = ["At most 30 characters."];
        }
    }
}
