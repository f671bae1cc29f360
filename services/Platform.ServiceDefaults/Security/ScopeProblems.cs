using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Security;

public static class ScopeProblems
{
    /// <summary>A 403 naming the field whose value lies outside the caller's scope (never repeating the value).</summary>
    public static ProblemHttpResult Outside(string field, string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: title, detail: "Your key's scope (docs/roles.md) does not cover it.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = ["Outside your scope."] } });
}
