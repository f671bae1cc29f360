using System.ComponentModel.DataAnnotations;

namespace Platform.ServiceDefaults;

/// <summary>A page number: from 1 to <see cref="RequestValidation.MaxPage"/> (checked before any offset is computed).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class PageAttribute : RangeAttribute
{
    public PageAttribute()
        : base(1, RequestValidation.MaxPage) => ErrorMessage = $"Pages go from 1 to {RequestValidation.MaxPage}.";
}
