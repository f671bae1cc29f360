using System.Net.Mail;
using Platform.Contracts;

namespace Platform.Patients.Registry;

public static class PatientValidation
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static Dictionary<string, string[]> ValidateRegistration(RegisterPatientRequest request, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var nir = request.Nir is null ? null : Nir.Normalize(request.Nir);
        if (string.IsNullOrEmpty(nir))
        {
            errors["nir"] = ["The NIR is required."];
        }
        else if (!Nir.IsValid(nir, out var nirError))
        {
            errors["nir"] = [nirError];
        }

        ValidateDetails(request.Details, errors, today);
        if (nir is not null && !errors.ContainsKey("nir"))
        {
            NirAgreement(nir, request.Details, errors);
        }

        return errors;
    }

    /// <summary>
    /// What the NIR says must agree with the details, at registration and at every update: the year of birth
    /// (positions 2-3), the month (4-5, when it is a month: 01 to 12; 20 to 42 and 50 to 99 mean it was unknown), and
    /// the sex (1 male, 2 female; other first digits are temporary numbers that say nothing of it).
    /// </summary>
    public static void NirAgreement(string nir, PatientDetails details, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(nir);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(errors);
        if (details.BirthDate is { } birth && !errors.ContainsKey("birthDate"))
        {
            var month = Nir.BirthMonth(nir);
            if (Nir.BirthYearTwoDigits(nir) != birth.Year % 100)
            {
                errors["birthDate"] = ["The birth year does not match the NIR (its 2nd and 3rd digits)."];
            }
            else if (month is >= 1 and <= 12 && month != birth.Month)
            {
                errors["birthDate"] = ["The birth month does not match the NIR (its 4th and 5th digits)."];
            }
        }

        var nirSex = nir[0] switch { '1' => Registry.Sex.Male, '2' => Registry.Sex.Female, _ => (Sex?)null };
        if (details.Sex is { } sex && nirSex is { } expected && sex != expected)
        {
            errors["sex"] = ["The sex does not match the NIR (its 1st digit)."];
        }
    }

    public static Dictionary<string, string[]> ValidateDetails(PatientDetails details, Dictionary<string, string[]>? errors = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        errors ??= [];
        Name(errors, "firstName", details.FirstName);
        Name(errors, "lastName", details.LastName);

        var now = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (details.BirthDate is not { } birth)
        {
            errors["birthDate"] = ["The birth date is required (YYYY-MM-DD)."];
        }
        else if (birth > now)
        {
            errors["birthDate"] = ["The birth date cannot be in the future."];
        }
        else if (birth < EarliestBirthDate)
        {
            errors["birthDate"] = ["The birth date cannot be before 1900."];
        }

        if (string.IsNullOrEmpty(details.CommuneCode))
        {
            errors["communeCode"] = ["The INSEE commune code is required."];
        }
        else if (InseeCode.Problem(details.CommuneCode) is { } communeProblem)
        {
            errors["communeCode"] = [communeProblem];
        }

        if (details.Phone is { } phone && (phone.Length > 20 || phone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-')) || phone.Count(char.IsAsciiDigit) < 9))
        {
            errors["phone"] = ["A phone number has 9 to 15 digits, optionally with +, spaces, dots or dashes."];
        }

        if (details.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["email"] = ["Not a valid e-mail address."];
        }

        return errors;
    }

    private static void Name(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Trim().Length > 100)
        {
            errors[field] = ["At most 100 characters."];
        }
    }
}
