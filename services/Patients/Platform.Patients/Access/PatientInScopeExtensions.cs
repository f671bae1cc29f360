namespace Platform.Patients.Access;

public static class PatientInScopeExtensions
{
    /// <summary>The route's patient (<c>{id}</c>) must be inside the caller's scope (404 otherwise).</summary>
    public static TBuilder RequirePatientInScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, PatientInScopeFilter>();
}
