namespace Platform.Gateway.Partners;

public sealed record RotateKeyRequest(int? GraceSeconds);
