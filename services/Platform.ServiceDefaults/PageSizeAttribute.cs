using System.ComponentModel.DataAnnotations;

namespace Platform.ServiceDefaults;

/// <summary>A page size: from 1 to <see cref="RequestValidation.MaxPageSize"/> items.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class PageSizeAttribute : RangeAttribute
{
    public PageSizeAttribute()
        : base(1, RequestValidation.MaxPageSize) => ErrorMessage = $"Between 1 and {RequestValidation.MaxPageSize}.";
}
