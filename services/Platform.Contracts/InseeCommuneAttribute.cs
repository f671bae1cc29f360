using System.ComponentModel.DataAnnotations;

namespace Platform.Contracts;

/// <summary>
/// A query or route value that names a commune must be an INSEE code (<see cref="InseeCode"/>): a filter such as
/// <c>?commune=5313</c> is a 400 naming the parameter, never an empty list. Absent is fine (the filter is optional).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class InseeCommuneAttribute() : ValidationAttribute(InseeCode.Rule)
{
    public override bool IsValid(object? value) => value is null || InseeCode.IsValid(value as string);
}
