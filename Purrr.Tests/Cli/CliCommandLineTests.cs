using System.Net;
using System.Text.Json;
using Purrr.Cli;
using Purrr.Cli.Commands;
using Purrr.Cli.Output;

namespace Purrr.Tests.Cli;

/// <summary>Parsing the command line and drawing the output, without a server.</summary>
public sealed class CliCommandLineTests
{
    [Theory]
    [InlineData("37.77,-122.42", 37.77, -122.42)]
    [InlineData("-33.8688, 151.2093", -33.8688, 151.2093)]
    [InlineData("0,0", 0, 0)]
    [InlineData("90,-180", 90, -180)]
    public void A_point_reads_as_latitude_then_longitude(string text, double latitude, double longitude)
    {
        var (point, problem) = LatLng.Parse(text);

        Assert.Null(problem);
        Assert.Equal(new LatLng(latitude, longitude), point);
    }

    [Theory]
    [InlineData("37.77", "'37.77' is not a point. Give a point as latitude,longitude, e.g. 37.77,-122.42.")]
    [InlineData("37,77,1", "'37,77,1' is not a point. Give a point as latitude,longitude, e.g. 37.77,-122.42.")]
    [InlineData("north,west", "'north,west' is not a point. Give a point as latitude,longitude, e.g. 37.77,-122.42.")]
    [InlineData("NaN,1", "'NaN,1' is not a point. Give a point as latitude,longitude, e.g. 37.77,-122.42.")]
    [InlineData("-122.42,37.77", "Latitude -122.42 is out of range: it goes from -90 to 90 (is it the other way round?).")]
    [InlineData("37.77,190", "Longitude 190 is out of range: it goes from -180 to 180.")]
    public void A_bad_point_says_what_is_wrong(string text, string message)
    {
        var (point, problem) = LatLng.Parse(text);

        Assert.Null(point);
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("")]
    [InlineData("cats extra")]
    [InlineData("cat")]
    [InlineData("nightwatch")]
    [InlineData("nightwatch deploy")]
    [InlineData("nightwatch create-zone moat Home 1,2 75")]
    [InlineData("nightwatch create-zone safe_haven Home 1,2 wide")]
    [InlineData("lost-pet search")]
    [InlineData("lost-pet search --near downtown")]
    [InlineData("lost-pet search --near 37.77,-122.42 --type dragon")]
    [InlineData("lost-pet report --name Biscuit")]
    [InlineData("lost-pet sighting not-an-id --at 1,2")]
    public async Task A_wrong_command_line_is_a_usage_error_with_a_pointer_to_help(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var server = new StubApi(HttpStatusCode.OK, """{ "success": true, "data": [] }""");
        using var cli = server.Runner();

        var run = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Matches(@"Run 'purrr[a-z\- ]*--help' to see how to use it\.", run.Error);
        Assert.Equal("", run.Output);
        Assert.Empty(server.Requests); // nothing was sent
    }

    [Fact]
    public async Task A_bad_point_is_named_in_the_usage_error()
    {
        using var cli = new StubApi(HttpStatusCode.OK, "{}").Runner();

        var run = await cli.RunAsync("lost-pet", "search", "--near", "37.77,-222.42");

        Assert.Equal("Longitude -222.42 is out of range: it goes from -180 to 180.\nRun 'purrr lost-pet search --help' to see how to use it.",
            run.Error.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        using var cli = new StubApi(HttpStatusCode.OK, "{}").Runner();

        var help = await cli.RunAsync("nightwatch", "create-zone", "--help");

        Assert.Equal(ExitCodes.Ok, help.ExitCode);
        Assert.Contains(" nightwatch create-zone <type> <name> <lat,lng> <radius> [options]", help.Output); // after the tool's name
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_an_api_error_and_login_saves_nothing()
    {
        using var cli = new CliRunner(new Unreachable());

        var login = await cli.RunAsync("login", "--url", "http://127.0.0.1:9", "--key", "pk_anything");

        Assert.Equal(ExitCodes.ApiError, login.ExitCode);
        Assert.Equal("Error: Could not reach the server at http://127.0.0.1:9/.\nConnection refused (127.0.0.1:9)",
            login.Error.ReplaceLineEndings("\n").TrimEnd());
        Assert.False(File.Exists(cli.ConfigFile));
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
    }

    [Theory]
    [InlineData("3", "3", null)]
    [InlineData("3:scout", "3", "scout")]
    [InlineData("Miso:Healer", "Miso", "healer")]
    public void A_patrol_pick_is_a_cat_with_an_optional_role(string text, string cat, string? role) =>
        Assert.Equal((cat, role), NightWatchCommands.Pick(text));

    [Fact]
    public void An_unknown_role_lists_the_roles()
    {
        var refused = Assert.Throws<UsageException>(() => NightWatchCommands.Pick("3:ninja"));

        Assert.Equal("'ninja' is not a patrol role.", refused.Message);
        Assert.Equal("Roles: guardian, scout, alarm, healer (e.g. 3:scout).", refused.Hint);
    }

    private static readonly JsonElement[] Cats =
    [
        .. JsonDocument.Parse("""[{ "id": "a1", "name": "Pixel" }, { "id": "b2", "name": "Miso" }, { "id": "c3", "name": "miso" }]""").RootElement.EnumerateArray(),
    ];

    [Theory]
    [InlineData("1", "a1")]
    [InlineData("3", "c3")]
    [InlineData("pixel", "a1")]
    [InlineData(" Pixel ", "a1")]
    public void A_cat_is_found_by_number_or_name(string reference, string id) => Assert.Equal(id, CatReference.Find(Cats, reference));

    [Theory]
    [InlineData("0", "There is no cat number 0: you have 3 cats.")]
    [InlineData("4", "There is no cat number 4: you have 3 cats.")]
    [InlineData("Luna", "You have no cat named 'Luna'.")]
    [InlineData("MISO", "You have 2 cats named 'MISO': use its number or id.")]
    public void A_cat_that_cannot_be_told_apart_is_a_usage_error(string reference, string message) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => CatReference.Find(Cats, reference)).Message);

    [Fact]
    public void A_table_aligns_its_columns_and_right_aligns_numbers()
    {
        var output = new StringWriter();
        new Table("#", "Name", "Radius").Add("1", "Home Base", "75 m").Add("12", "Gate", "1000 m").Write(output);

        Assert.Equal(
            """
             #  Name       Radius
             1  Home Base    75 m
            12  Gate       1000 m

            """, output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Colour_is_used_only_when_asked_for()
    {
        var plain = new StringWriter();
        var coloured = new StringWriter();

        new CliConsole(plain, plain, color: false).Success("Fed.");
        new CliConsole(coloured, coloured, color: true).Success("Fed.");

        Assert.Equal("Fed.\n", plain.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("\u001b[32mFed.\u001b[0m\n", coloured.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(48.85713959296355, 2.353620485306898, "48.85714,2.35362")]
    [InlineData(-33.8, 151.2, "-33.8,151.2")]
    public void A_point_prints_as_it_is_typed_back_in(double latitude, double longitude, string shown) =>
        Assert.Equal(shown, new LatLng(latitude, longitude).ToString());

    [Theory]
    [InlineData(75, "75 m")]
    [InlineData(999.6, "1000 m")]
    [InlineData(1000, "1.0 km")]
    [InlineData(12_345, "12.3 km")]
    public void Distances_read_in_metres_then_kilometres(double meters, string shown) => Assert.Equal(shown, Formats.Distance(meters));
}
