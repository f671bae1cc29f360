using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;

namespace Platform.UnitTests;

/// <summary>The input policy every host reads bodies with: enums by name, text without control characters.</summary>
public class InputPolicyTests
{
    [JsonConverter(typeof(StrictEnumConverter<Colour>))]
    public enum Colour
    {
        Red,
        Green,
    }

    public sealed record Paint(Colour Colour, string? Name, [property: JsonConverter(typeof(MultiLineTextConverter))] string? Notes, DateOnly? Dried = null);

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { Converters = { new PlainTextConverter(), new PlausibleDateConverter() } };

    private static Paint Read(string json) => JsonSerializer.Deserialize<Paint>(json, s_options)!;

    [Theory]
    [InlineData("\"Green\"", Colour.Green)]
    [InlineData("\"green\"", Colour.Green)]
    public void An_enum_is_read_by_its_name(string value, Colour expected) =>
        Assert.Equal(expected, Read($$"""{"colour": {{value}}}""").Colour);

    [Theory]
    [InlineData("999")]
    [InlineData("1")]
    [InlineData("\"999\"")]
    [InlineData("\"1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"Red, Green\"")]
    [InlineData("\"Blue\"")]
    [InlineData("\"\"")]
    public void An_enum_refuses_numbers_and_unknown_names_and_lists_the_names(string value)
    {
        var refused = Assert.Throws<InputRejectedException>(() => Read($$"""{"colour": {{value}}}"""));
        Assert.StartsWith("One of Red, Green.", refused.Message, StringComparison.Ordinal);
        Assert.Equal("$.colour", refused.Path);
    }

    [Fact]
    public void An_enum_is_written_by_its_name() =>
        Assert.Contains("\"colour\":\"Green\"", JsonSerializer.Serialize(new Paint(Colour.Green, null, null), s_options), StringComparison.Ordinal);

    [Fact]
    public void Text_longer_than_any_field_of_its_kind_is_refused_with_the_bound()
    {
        Assert.Equal(new string('a', PlainTextConverter.Limit), Read($$"""{"colour": "Red", "name": "{{new string('a', PlainTextConverter.Limit)}}"}""").Name);
        var refused = Assert.Throws<InputRejectedException>(() => Read($$"""{"colour": "Red", "name": "{{new string('a', PlainTextConverter.Limit + 1)}}"}"""));
        Assert.StartsWith($"At most {PlainTextConverter.Limit} characters", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InputRejectedException>(() => Read($$"""{"colour": "Red", "notes": "{{new string('a', MultiLineTextConverter.Limit + 1)}}"}"""));
    }

    [Theory]
    [InlineData("Jea\\u0000nne")]
    [InlineData("\\u001b[31mred")]
    [InlineData("bell\\u0007")]
    [InlineData("two\\r\\nlines")]
    [InlineData("tab\\there")]
    [InlineData("c1\\u0085")]
    public void Text_refuses_control_characters(string escaped)
    {
        var refused = Assert.Throws<InputRejectedException>(() => Read($$"""{"colour": "Red", "name": "{{escaped}}"}"""));
        Assert.Contains("control characters", refused.Message, StringComparison.Ordinal);
        Assert.Equal("$.name", refused.Path);
    }

    [Theory]
    [InlineData("Hélène Drouet")]
    [InlineData("L'Huisserie — 53119")]
    public void Text_in_any_script_with_punctuation_is_read_as_given(string name) =>
        Assert.Equal(name, Read(JsonSerializer.Serialize(new { colour = "Red", name })).Name);

    [Fact]
    public void A_field_documented_as_multi_line_takes_line_breaks_but_no_other_control_character()
    {
        Assert.Equal("first\nsecond\r\nthird\tend", Read("""{"colour": "Red", "notes": "first\nsecond\r\nthird\tend"}""").Notes);
        Assert.Throws<InputRejectedException>(() => Read("""{"colour": "Red", "notes": "nul\u0000"}"""));
    }

    [Fact]
    public void A_refusal_names_the_field_and_says_the_rule_in_the_problem_details()
    {
        var refused = Assert.Throws<InputRejectedException>(() => Read("""{"colour": 999}"""));
        var (status, _, errors) = ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(new BadHttpRequestException("Failed to read", 400, refused));
        Assert.Equal(400, status);
        Assert.Equal(["One of Red, Green."], errors!["colour"]);
    }

    public sealed record Palette(IReadOnlyList<string>? Names, Paint[] Paints);

    [Theory]
    [InlineData("""{"names": ["a", null], "paints": []}""", "names[1]")]
    [InlineData("""{"paints": [{"colour": "Red"}, null]}""", "paints[1]")]
    public void A_list_refuses_null_elements_and_names_the_one_at_fault(string json, string field)
    {
        var options = new JsonSerializerOptions(s_options)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { NoNullElements.Modify } },
        };
        var refused = Assert.Throws<InputRejectedException>(() => JsonSerializer.Deserialize<Palette>(json, options));
        var (status, _, errors) = ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(new BadHttpRequestException("Failed to read", 400, refused));
        Assert.Equal(400, status);
        Assert.Equal(["A list without null elements."], errors![field]);
        Assert.Null(JsonSerializer.Deserialize<Palette>("""{"names": null, "paints": [{"colour": "Green"}]}""", options)!.Names);
    }

    [Theory]
    [InlineData(2147483647)]
    [InlineData(100_001)]
    [InlineData(0)]
    public void A_page_out_of_range_is_refused_before_any_offset_is_computed(int page) =>
        Assert.Equal("Pages go from 1 to 100000.",
            new PageAttribute().GetValidationResult(page, new System.ComponentModel.DataAnnotations.ValidationContext(page) { MemberName = "page" })?.ErrorMessage);

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-27")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("2026-02-30")]
    [InlineData("28/11/2026")]
    public void A_date_outside_the_range_or_not_a_date_is_refused_with_the_range(string date)
    {
        var refused = Assert.Throws<InputRejectedException>(() => Read($$"""{"colour": "Red", "dried": "{{date}}"}"""));
        Assert.Equal("A date (yyyy-mm-dd) from 1900-01-01 to 2199-12-31.", refused.Message.Split(" Path:")[0]);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-28")]
    [InlineData("2199-12-31")]
    public void A_date_in_the_range_is_read(string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Read($$"""{"colour": "Red", "dried": "{{date}}"}""").Dried);

    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-27", false)]
    [InlineData("2026-13-45", false)]
    [InlineData("2026-11-28", true)]
    [InlineData("53130", true)]
    [InlineData("cpts-pays-de-laval", true)]
    [InlineData("7f3a9c21-e0b4-4c1d-9a2e-1b8d4e6f1a90", true)]
    public void A_query_value_shaped_as_a_date_is_checked_and_anything_else_left_to_the_route(string value, bool plausible) =>
        Assert.Equal(plausible, TextRules.IsPlausibleIfDate(value));
}
