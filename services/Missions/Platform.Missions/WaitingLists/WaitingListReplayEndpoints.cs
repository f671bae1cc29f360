using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Security;

namespace Platform.Missions.WaitingLists;

public static class WaitingListReplayEndpoints
{
    public static IEndpointRouteBuilder MapWaitingListReplay(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/missions/admin/waiting-lists/replay", RequestAsync)
            .WithTags("Operations").WithName("ReplayWaitingLists")
            .WithSummary("Ask Patients for everyone waiting now and rebuild Missions' waiting-list projection (the planner's priorities) from the answer")
            .RequireAuthorization(PlatformPolicies.PlatformAdmin);
        return app;
    }

    internal static async Task<Accepted<ReplayRequested>> RequestAsync(WaitingListReplay replay, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, new ReplayRequested(await replay.RequestAsync(ct)));
}
