using System.ComponentModel.DataAnnotations;

namespace Platform.Contracts;

/// <summary>A query or route value that names a practitioner must be an RPPS number (<see cref="Rpps"/>); absent is fine.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class RppsNumberAttribute() : ValidationAttribute(Rpps.Rule)
{
    public override bool IsValid(object? value) => value is null || Rpps.IsValid(value as string);
}
