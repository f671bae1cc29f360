namespace Microsoft.Extensions.Hosting;

/// <summary>Validation messages and checks every service's endpoints share, so a partner reads the same words everywhere.</summary>
public static class RequestValidation
{
    public const int MaxPageSize = 200;

    /// <summary>The message for a missing or unknown enum value: the accepted names.</summary>
    public static string[] RequiredOneOf<TEnum>() where TEnum : struct, Enum =>
        [$"Required: one of {string.Join(", ", Enum.GetNames<TEnum>())}."];

    /// <summary>Paging errors (pages start at 1; 1 to <see cref="MaxPageSize"/> items), keyed by the field at fault.</summary>
    public static Dictionary<string, string[]> PagingErrors(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Between 1 and {MaxPageSize}."];
        }

        return errors;
    }
}
