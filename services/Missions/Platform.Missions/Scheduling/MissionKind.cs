using System.Text.Json.Serialization;
using Platform.ServiceDefaults;

namespace Platform.Missions.Scheduling;

[JsonConverter(typeof(StrictEnumConverter<MissionKind>))]
public enum MissionKind
{
    /// <summary>Monday to Saturday, six days (Médecins solidaires).</summary>
    WeeklyRotation,

    /// <summary>Up to 2 days a month in a red zone (Un médecin près de chez vous).</summary>
    SolidarityDays,

    /// <summary>A salaried schedule (Service Médical de Proximité).</summary>
    Salaried,
}
