namespace Platform.Missions.Scheduling;

public sealed record MissionDetailResponse(MissionResponse Mission, string[] AllowedMoves, List<MissionTransitionResponse> History);
