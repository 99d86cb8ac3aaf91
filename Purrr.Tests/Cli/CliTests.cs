using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Cli;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.NightWatch;
using Purrr.Tests.Api;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cli;

/// <summary>The <c>purrr</c> command line against the in-process app, with a real API key made through ApiKeyService.</summary>
[Collection(ApiCollection.Name)]
public sealed class CliTests(ApiApp app) : IDisposable
{
    private readonly CliRunner cli = new(app.Server.CreateHandler(), app.ShiftedClock);

    public void Dispose() => cli.Dispose();

    private async Task<(Core.Common.UserId Player, Core.Common.CatId Cat)> LoggedInPlayerAsync(string prefix)
    {
        var (player, cat) = await app.NewPlayerWithCatAsync(Names.Unique(prefix));
        await cli.LoginAsync(await app.KeyAsync(player, ["read", "write"]));
        return (player, cat);
    }

    [Fact]
    public async Task Login_checks_the_key_against_the_server_and_saves_it_for_the_owner_only()
    {
        var name = Names.Unique("clilogin");
        var (player, _) = await app.NewPlayerWithCatAsync(name);
        var key = await app.KeyAsync(player, ["read", "write"]);

        var login = await cli.RunAsync("login", "--url", "http://localhost", "--key", key);

        Assert.Equal(ExitCodes.Ok, login.ExitCode);
        Assert.Contains($"Logged in to http://localhost as {name} (@{name}).", login.Output);
        Assert.Contains("Key scopes: read, write.", login.Output);
        Assert.Equal(new CliConfig("http://localhost", key), CliConfig.Load(cli.ConfigDirectory));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ConfigFile));
    }

    [Fact]
    public async Task Login_asks_for_what_the_command_line_leaves_out()
    {
        var name = Names.Unique("cliask");
        var (player, _) = await app.NewPlayerWithCatAsync(name);
        cli.Typed = $"http://localhost\n{await app.KeyAsync(player, ["read"])}\n";

        var login = await cli.RunAsync("login", "--json");

        Assert.Equal(ExitCodes.Ok, login.ExitCode);
        Assert.Equal("Server URL: API key: ", login.Error); // prompts go to stderr: stdout stays the JSON
        Assert.Equal(name, System.Text.Json.Nodes.JsonNode.Parse(login.Output)!["userName"]!.GetValue<string>());
        Assert.NotNull(CliConfig.Load(cli.ConfigDirectory));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_the_servers_words_and_nothing_is_saved()
    {
        var login = await cli.RunAsync("login", "--url", "http://localhost", "--key", "pk_not-a-real-key");

        Assert.Equal(ExitCodes.ApiError, login.ExitCode);
        Assert.StartsWith("Error: ", login.Error);
        Assert.Contains("Run `purrr login` with a valid key.", login.Error);
        Assert.DoesNotContain("   at ", login.Error);
        Assert.Equal("", login.Output);
        Assert.False(File.Exists(cli.ConfigFile));
    }

    [Fact]
    public async Task Nft_status_reads_the_servers_answer_for_a_cat_never_minted_and_refuses_another_players_cat()
    {
        var (_, cat) = await LoggedInPlayerAsync("clinft");
        var (_, othersCat) = await app.NewPlayerWithCatAsync(Names.Unique("clinftother"));

        var shown = await cli.RunAsync("nft", "status", cat.ToString());
        var json = (await cli.RunAsync("nft", "status", cat.ToString(), "--json")).Json();
        var others = await cli.RunAsync("nft", "status", othersCat.ToString());

        Assert.Equal(ExitCodes.Ok, shown.ExitCode);
        Assert.Contains("Not minted.", shown.Output);
        Assert.Equal("none", json["status"]!.GetValue<string>());
        Assert.False(json["minted"]!.GetValue<bool>());
        Assert.Equal(ExitCodes.ApiError, others.ExitCode);
        Assert.Equal("Error: You have no cat with that id.", others.Error.TrimEnd());
    }

    [Fact]
    public async Task Without_a_login_a_command_says_how_to_log_in()
    {
        var cats = await cli.RunAsync("cats");

        Assert.Equal(ExitCodes.Usage, cats.ExitCode);
        Assert.Equal("Error: You are not logged in.", cats.Error.Split('\n')[0].TrimEnd());
        Assert.Contains("purrr login --url", cats.Error);
    }

    [Fact]
    public async Task Cats_lists_your_cats_numbered_as_a_table_or_as_the_apis_json()
    {
        var (player, first) = await LoggedInPlayerAsync("clicats");
        var second = await app.Services.GetRequiredService<CatService>().AdoptAsync(player, new AdoptCatRequest("Miso", "siamese", Personality.Curious, IsPublic: true));
        Assert.True(second.Succeeded, second.FirstMessage);

        var table = await cli.RunAsync("cats");
        var json = (await cli.RunAsync("cats", "--json")).Json().AsArray();

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        var rows = table.Rows();
        Assert.Equal(["#", "Name", "Breed", "Personality", "Level", "Id"], rows[0]);
        Assert.Equal(["1", "Pixel", "Domestic Shorthair", "playful", "1", first.ToString()], rows[1]);
        Assert.Equal("2", rows[2][0]);
        Assert.Equal("Miso", rows[2][1]);
        Assert.Equal([first.ToString(), second.Value.Id.ToString()], json.Select(cat => cat!["id"]!.GetValue<string>()));
        Assert.Equal("curious", json[1]!["personality"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cat_shows_one_cat_by_its_number_name_or_id()
    {
        var (_, cat) = await LoggedInPlayerAsync("clicat");

        var byNumber = await cli.RunAsync("cat", "1");
        var byName = (await cli.RunAsync("cat", "pixel", "--json")).Json();
        var byId = (await cli.RunAsync("cat", cat.ToString(), "--json")).Json();
        var missing = await cli.RunAsync("cat", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Ok, byNumber.ExitCode);
        Assert.StartsWith("Pixel — level 1 Domestic Shorthair, playful", byNumber.Output);
        Assert.Contains(byNumber.Rows(), row => row is ["Satiety", "70"]);
        Assert.Contains(byNumber.Rows(), row => row is ["feed", "now"]);
        Assert.Equal(cat.ToString(), byName["id"]!.GetValue<string>());
        Assert.Equal(cat.ToString(), byId["id"]!.GetValue<string>());
        Assert.Equal(ExitCodes.ApiError, missing.ExitCode);
        Assert.Equal("Error: You have no cat with that id.", missing.Error.TrimEnd());
    }

    [Fact]
    public async Task Feed_feeds_your_cat_and_a_refusal_shows_the_apis_title()
    {
        await LoggedInPlayerAsync("clifeed");

        var fed = (await cli.RunAsync("feed", "1", "--json")).Json();
        var again = await cli.RunAsync("feed", "Pixel");
        var unknown = await cli.RunAsync("feed", "7");

        Assert.Equal("feed", fed["action"]!.GetValue<string>());
        Assert.True(fed["after"]!["satiety"]!.GetValue<int>() > fed["before"]!["satiety"]!.GetValue<int>());
        Assert.Equal(ExitCodes.ApiError, again.ExitCode);
        Assert.StartsWith("Error: ", again.Error);
        Assert.DoesNotContain("   at ", again.Error);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.StartsWith("Error: There is no cat number 7: you have 1 cat.", unknown.Error);
    }

    [Fact]
    public async Task Feed_prints_what_changed_as_a_table()
    {
        await LoggedInPlayerAsync("clifeedtable");

        var fed = await cli.RunAsync("feed", "1");

        Assert.Equal(ExitCodes.Ok, fed.ExitCode);
        var rows = fed.Rows();
        Assert.Equal(["Stat", "Before", "After"], rows[1]);
        Assert.Contains(rows, row => row is ["Satiety", "70", var after] && int.Parse(after) > 70);
    }

    [Fact]
    public async Task Night_watch_zones_a_patrol_and_its_status()
    {
        var (player, cat) = await LoggedInPlayerAsync("clinight");
        Assert.True((await app.Services.GetRequiredService<NightWatchService>().SetHomeAsync(player, 48.853, 2.35)).Succeeded);
        var window = app.Services.GetRequiredService<IOptions<NightWatchOptions>>().Value.Window;
        var now = app.ShiftedClock.GetUtcNow();
        if (!window.IsNight(Player.ZoneOf("Europe/Paris"), now))
            app.ShiftedClock.Advance(window.NextStart(Player.ZoneOf("Europe/Paris"), now) - now + TimeSpan.FromMinutes(1));

        var zone = (await cli.RunAsync("nightwatch", "create-zone", "safe_haven", "Home Base", "48.854,2.351", "75", "--json")).Json();
        var zones = await cli.RunAsync("nightwatch", "zones");
        var patrol = (await cli.RunAsync("nightwatch", "deploy", "1:scout", "--json")).Json();
        var status = await cli.RunAsync("nightwatch", "status");
        var statusJson = (await cli.RunAsync("nightwatch", "status", "--json")).Json();

        Assert.Equal("safe_haven", zone["type"]!.GetValue<string>());
        Assert.Equal(75, zone["radiusMeters"]!.GetValue<int>());
        Assert.Equal(ExitCodes.Ok, zones.ExitCode);
        Assert.Equal(["Type", "Name", "Lat,lng", "Radius", "Owner", "Home base", "Id"], zones.Rows()[0]);
        Assert.Contains(zones.Rows(), row => row is ["safe_haven", "Home Base", "48.854,2.351", "75 m", _, var id] && id == zone["id"]!.GetValue<string>());
        var sent = Assert.Single(patrol["cats"]!.AsArray())!;
        Assert.Equal(cat.ToString(), sent["catId"]!.GetValue<string>());
        Assert.Equal("scout", sent["role"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("It is night: patrols can go out until dawn at ", status.Output);
        Assert.Contains("Home: 48.853,2.35", status.Output);
        Assert.Contains("Status active: 0 encounters, 0 deterred, 0 strays saved, 0 XP", status.Output);
        Assert.Contains(status.Rows(), row => row is ["Pixel", "scout", _, "0", "0"]);
        Assert.Equal(patrol["id"]!.GetValue<string>(), statusJson["activePatrol"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lost_pets_are_reported_found_nearby_and_sighted()
    {
        await LoggedInPlayerAsync("clilost");
        var seen = app.ShiftedClock.GetUtcNow().AddHours(-3).ToString("O");

        var reported = (await cli.RunAsync("lost-pet", "report", "--name", "Biscuit", "--type", "cat", "--breed", "Tabby", "--colour", "Brown", "--size", "medium",
            "--place", "Dolores Park", "--at", "37.7596,-122.4269", "--seen", seen, "--phone", "+1 415 555 0100", "--email", "owner@example.test", "--reward", "$50",
            "--json")).Json();
        var id = reported["id"]!.GetValue<string>();
        var found = (await cli.RunAsync("lost-pet", "search", "--near", "37.77,-122.42", "--radius", "10", "--type", "cat", "--json")).Json();
        var table = await cli.RunAsync("lost-pet", "search", "--near", "37.77,-122.42", "--radius", "10", "--type", "cat", "--text", "tabby");
        var sighting = await cli.RunAsync("lost-pet", "sighting", id, "--at", "37.761,-122.425", "--place", "Mission St", "--confidence", "high");
        var dogs = await cli.RunAsync("lost-pet", "search", "--near", "37.77,-122.42", "--type", "dog", "--text", "tabby");

        Assert.Contains(found["results"]!.AsArray(), pet => pet!["id"]!.GetValue<string>() == id);
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Equal(["Name", "Type", "Breed", "Colour", "Last seen", "Distance", "Missing", "Reward", "Id"], table.Rows()[0]);
        var row = table.Rows()[1];
        Assert.Equal(["Biscuit", "cat", "Tabby", "Brown", "Dolores Park", "1.3 km"], row[..6]);
        Assert.Matches(@"^[01] d$", row[6]); // calendar days: seen three hours ago may be yesterday
        Assert.Equal(["$50", id], row[7..]);
        Assert.Equal(ExitCodes.Ok, sighting.ExitCode);
        Assert.StartsWith("Thank you: the owner has your sighting.", sighting.Output);
        Assert.Equal("No lost pets reported there. Try a larger --radius.", dogs.Output.TrimEnd());
    }

    [Fact]
    public async Task A_report_the_server_refuses_lists_every_problem()
    {
        await LoggedInPlayerAsync("clibadreport");

        var refused = await cli.RunAsync("lost-pet", "report", "--name", "Biscuit", "--type", "cat", "--colour", "Brown", "--size", "small",
            "--place", "Dolores Park", "--at", "37.7596,-122.4269", "--phone", "call me", "--email", "nobody");

        Assert.Equal(ExitCodes.ApiError, refused.ExitCode);
        Assert.StartsWith("Error: Enter a phone number (digits, spaces, +, - and brackets).", refused.Error);
        Assert.Contains("  - Enter an email address like name@example.com.", refused.Error);
    }

    [Fact]
    public async Task A_sighting_of_a_report_that_does_not_exist_is_not_found()
    {
        await LoggedInPlayerAsync("clinopet");

        var sighting = await cli.RunAsync("lost-pet", "sighting", Guid.NewGuid().ToString(), "--at", "37.761,-122.425");

        Assert.Equal(ExitCodes.ApiError, sighting.ExitCode);
        Assert.Equal("Error: There is no lost pet report with that id.", sighting.Error.TrimEnd());
    }

    [Fact]
    public async Task A_read_only_key_cannot_feed_and_is_told_which_scope_it_needs()
    {
        var (player, _) = await app.NewPlayerWithCatAsync(Names.Unique("cliread"));
        await cli.LoginAsync(await app.KeyAsync(player, ["read"]));

        var feed = await cli.RunAsync("feed", "1");

        Assert.Equal(ExitCodes.ApiError, feed.ExitCode);
        Assert.Contains("Make a key with the read and write scopes under Settings → API keys.", feed.Error);
    }
}
