using System.ComponentModel.DataAnnotations;

namespace Platform.Contracts;

/// <summary>
/// A query or route value that names a commune must be a current commune of the official geography
/// (<see cref="InseeCode"/>): <c>?commune=5313</c> or a code no commune has is a 400 naming the parameter and saying why,
/// never an empty list. Absent is fine (the filter is optional).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class InseeCommuneAttribute() : ValidationAttribute(InseeCode.Rule)
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || InseeCode.Problem(value as string) is not { } problem
            ? ValidationResult.Success
            : new ValidationResult(problem, validationContext is { MemberName: { } member } ? [member] : null);
}
