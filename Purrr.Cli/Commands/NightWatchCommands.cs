using System.CommandLine;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary><c>purrr nightwatch status|deploy|zones|create-zone</c>: /api/v1/nightwatch.</summary>
public static class NightWatchCommands
{
    public static readonly string[] Roles = ["guardian", "scout", "alarm", "healer"];
    public static readonly string[] ZoneTypes = ["cat_condo", "motion_sensor", "safe_haven", "community_alert"];

    public static Command Create(CliEnvironment environment)
    {
        var night = new Command("nightwatch", "Night patrols around your home: status, deploy, zones");

        night.Add(new Command("status", "Whether it is night for you, your patrol, last night and the cats you could send").Runs(environment, async run =>
            run.Show(await run.Api.GetAsync("nightwatch/status", run.Cancellation), (console, status) => console.Status(status))));

        var cats = new Argument<string[]>("cats")
        {
            Description = "Up to 10 cats (number in `purrr cats`, name or id), each optionally with a role: 3:scout",
            Arity = ArgumentArity.OneOrMore,
        };
        night.Add(new Command("deploy", $"Send cats on patrol tonight (roles: {string.Join(", ", Roles)}; suggested when left out)") { cats }
            .Runs(environment, async run =>
            {
                var picks = run.Value(cats).Select(Pick).ToList();
                var ids = await CatReference.ResolveAsync(run.Api, [.. picks.Select(p => p.Cat)], run.Cancellation);
                var body = new { cats = ids.Zip(picks, (id, pick) => new { cat = id, role = pick.Role }).ToList() };
                var patrol = await run.Api.PostAsync("nightwatch/deploy", body, run.Cancellation);
                return run.Show(patrol, (console, data) =>
                {
                    console.Success($"Patrol out until {Formats.When(data.Time("endsAt"), TimeZoneInfo.Local)} with {CatReference.Plural(data.Items("cats").Count(), "cat")}.");
                    console.Patrol(data);
                });
            }));

        night.Add(new Command("zones", "The protection zones of your neighbourhood, everyone's").Runs(environment, async run =>
            run.Show(await run.Api.GetAsync("nightwatch/zones", run.Cancellation), (console, zones) => console.Zones(zones))));

        var type = new Argument<string>("type") { Description = string.Join(", ", ZoneTypes) };
        type.AcceptOnlyFromAmong(ZoneTypes);
        var name = new Argument<string>("name") { Description = "The zone's name, e.g. \"Home Base\"" };
        var at = new Argument<LatLng>("lat,lng") { Description = "Its centre, e.g. 37.77,-122.42", CustomParser = CommandActions.ParsePoint };
        var radius = new Argument<int>("radius") { Description = "Its radius in metres" };
        var useKit = new Option<bool>("--use-kit") { Description = "Use a zone kit from your inventory instead of paying coins" };
        night.Add(new Command("create-zone", "Place a protection zone for its price in coins") { type, name, at, radius, useKit }.Runs(environment, async run =>
        {
            var point = run.Value(at);
            var body = new { type = run.Value(type), name = run.Value(name), latitude = point.Latitude, longitude = point.Longitude, radiusMeters = run.Value(radius), useKit = run.Value(useKit) };
            // One key per invocation: a retried request cannot charge twice.
            var zone = await run.Api.PostAsync("nightwatch/zones", body, run.Cancellation, idempotencyKey: Guid.NewGuid().ToString("N"));
            return run.Show(zone, (console, data) =>
            {
                console.Success($"Placed {data.Text("type")} \"{data.Text("name")}\" at {new LatLng(data.Number("latitude"), data.Number("longitude"))} ({data.Text("radiusMeters")} m).");
                console.Fields(("Id", data.Text("id")));
            });
        }));
        return night;
    }

    /// <summary>"3" or "3:scout": a cat and the role it should take.</summary>
    public static (string Cat, string? Role) Pick(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0)
            return (text, null);
        var role = text[(colon + 1)..].Trim().ToLowerInvariant();
        return Roles.Contains(role)
            ? (text[..colon], role)
            : throw new UsageException($"'{text[(colon + 1)..]}' is not a patrol role.", $"Roles: {string.Join(", ", Roles)} (e.g. 3:scout).");
    }

    public static void Status(this CliConsole console, JsonElement status)
    {
        var zone = Formats.Zone(status.Text("timeZone"));
        console.Heading($"Night watch ({status.Text("timeZone")})");
        console.Line(status.Flag("isNight")
            ? $"It is night: patrols can go out until dawn at {Formats.Clock(status.Time("dawn"), zone)}."
            : $"It is day: night starts at {Formats.Clock(status.Time("nightStartsAt"), zone)}.");
        console.Line(status.Get("home") is { } home
            ? $"Home: {new LatLng(home.Number("latitude"), home.Number("longitude"))}"
            : "No home set yet: set it on the Night watch page to patrol.");
        if (status.Get("activePatrol") is { } active)
        {
            console.Line();
            console.Heading($"Patrol out since {Formats.Clock(active.Time("startedAt"), zone)}, back at {Formats.Clock(active.Time("endsAt"), zone)}");
            console.Patrol(active);
        }
        if (status.Get("lastNight") is { } last)
        {
            console.Line();
            console.Heading($"Last night ({Formats.When(last.Time("startedAt"), zone)})");
            console.Patrol(last);
        }
        var candidates = new Table("#", "Cat", "Suggested role", "Available");
        var number = 0;
        foreach (var candidate in status.Items("candidates"))
        {
            var cat = candidate.Get("cat") ?? default;
            candidates.Add((++number).ToString(), cat.Text("name"), candidate.Text("suggestedRole"), candidate.Get("unavailable") is { } why ? why.GetString() : "yes");
        }
        if (candidates.Count > 0)
        {
            console.Line();
            console.Heading("Cats you could send");
            console.Table(candidates);
        }
    }

    public static void Patrol(this CliConsole console, JsonElement patrol)
    {
        console.Line($"Status {patrol.Text("status")}: {patrol.Text("encounters")} encounters, {patrol.Text("deterrences")} deterred, " +
            $"{patrol.Text("straysSaved")} strays saved, {patrol.Text("xpEarned")} XP");
        var cats = new Table("Cat", "Role", "Strength", "Deterred", "XP");
        foreach (var cat in patrol.Items("cats"))
            cats.Add(cat.Text("name"), cat.Text("role"), Formats.Number(cat.Number("strength"), "0.00"), cat.Text("deterrences"), cat.Text("xp"));
        console.Table(cats);
    }

    public static void Zones(this CliConsole console, JsonElement zones)
    {
        var table = new Table("Type", "Name", "Lat,lng", "Radius", "Owner", "Home base", "Id");
        foreach (var zone in zones.Items())
            table.Add(zone.Text("type"), zone.Text("name"), new LatLng(zone.Number("latitude"), zone.Number("longitude")).ToString(),
                $"{zone.Text("radiusMeters")} m", zone.Text("ownerName"), zone.Flag("isHomeBase") ? "yes" : "", zone.Text("id"));
        if (table.Count == 0)
            console.Line("No protection zones around your home yet.");
        else
            console.Table(table);
    }
}
