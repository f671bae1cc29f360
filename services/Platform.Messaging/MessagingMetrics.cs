namespace Platform.Messaging;

/// <summary>The meter of the platform's messaging (error queues; registered by ServiceDefaults' OpenTelemetry).</summary>
public static class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";
}
