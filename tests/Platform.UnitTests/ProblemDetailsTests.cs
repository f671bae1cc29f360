using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;

namespace Platform.UnitTests;

public class ProblemDetailsTests
{
    [Fact]
    public void Malformed_json_names_the_field_from_its_json_path()
    {
        var json = new JsonException("The JSON value could not be converted to System.DateOnly. Path: $.birthDate | LineNumber: 0", "$.birthDate", 0, 10);
        var (status, _, errors) = ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(new BadHttpRequestException("Failed to read", 400, json));
        Assert.Equal(400, status);
        Assert.Equal(["birthDate"], errors!.Keys);
    }

    [Fact]
    public void Json_that_breaks_at_the_root_is_blamed_on_the_body()
    {
        var (_, _, errors) = ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(
            new BadHttpRequestException("Failed to read", 400, new JsonException("bad", "$", 0, 0)));
        Assert.Equal(["body"], errors!.Keys);
    }

    [Fact]
    public void A_body_over_the_server_limit_is_a_413_even_when_minimal_apis_wrap_it_in_a_400()
    {
        var tooLarge = new BadHttpRequestException("Request body too large.", 413);
        Assert.Equal(413, ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(tooLarge).Status);
        Assert.Equal(413, ProblemDetailsDefaults.BadRequestExceptionHandler.Describe(new BadHttpRequestException("Failed to read parameter", 400, tooLarge)).Status);
    }
}
