using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary><c>purrr lost-pet search|report|sighting</c>: /api/v1/lost-pets.</summary>
public static class LostPetCommands
{
    public static readonly string[] PetTypes = ["cat", "dog", "bird", "rabbit", "other"];
    public static readonly string[] Sizes = ["tiny", "small", "medium", "large", "giant"];
    public static readonly string[] Confidences = ["low", "medium", "high"];

    public static Command Create(CliEnvironment environment)
    {
        var pets = new Command("lost-pet", "Lost & found: search nearby reports, report a lost pet, report a sighting");
        pets.Add(Search(environment));
        pets.Add(Report(environment));
        pets.Add(Sighting(environment));
        return pets;
    }

    private static Option<LatLng> Point(string name, string description) =>
        new(name) { Description = description, Required = true, CustomParser = CommandActions.ParsePoint, HelpName = "lat,lng" };

    private static Option<string> Choice(string name, string description, string[] choices, bool required = false)
    {
        var option = new Option<string>(name) { Description = $"{description}: {string.Join(", ", choices)}", Required = required };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    private static Command Search(CliEnvironment environment)
    {
        var near = Point("--near", "Search around this point, e.g. 37.77,-122.42");
        var radius = new Option<double>("--radius") { Description = "How far in km (10 by default, at most 100)", DefaultValueFactory = _ => 10 };
        var type = Choice("--type", "Only this kind of pet", PetTypes);
        var text = new Option<string>("--text") { Description = "Part of the breed or colour, e.g. tabby" };
        var page = new Option<int>("--page") { Description = "Page of results (50 a page)", DefaultValueFactory = _ => 1 };
        var command = new Command("search", "Active lost-pet reports near a point, nearest first") { near, radius, type, text, page };
        return command.Runs(environment, async run =>
        {
            var point = run.Value(near);
            var query = new List<string>
            {
                $"latitude={Invariant(point.Latitude)}", $"longitude={Invariant(point.Longitude)}", $"radiusKm={Invariant(run.Value(radius))}", $"page={run.Value(page)}",
            };
            if (run.Value(type) is { } kind)
                query.Add($"type={kind}");
            if (run.Value(text) is { Length: > 0 } words)
                query.Add($"text={Uri.EscapeDataString(words)}");
            var results = await run.Api.GetAsync($"lost-pets?{string.Join('&', query)}", run.Cancellation);
            return run.Show(results, (console, data) => console.SearchResults(data, environment.Clock));
        });
    }

    private static Command Report(CliEnvironment environment)
    {
        var name = new Option<string>("--name") { Description = "The pet's name", Required = true };
        var type = Choice("--type", "The kind of pet", PetTypes, required: true);
        var breed = new Option<string>("--breed") { Description = "Its breed", DefaultValueFactory = _ => "unknown" };
        var colour = new Option<string>("--colour", "--color") { Description = "Its colour", Required = true };
        var size = Choice("--size", "Its size", Sizes, required: true);
        var age = new Option<int?>("--age") { Description = "Its age in years" };
        var description = new Option<string>("--description") { Description = "What it looks like, how it behaves" };
        var features = new Option<string>("--features") { Description = "Distinctive features (a white paw, a collar)" };
        var place = new Option<string>("--place") { Description = "Where it was last seen, in words", Required = true };
        var at = Point("--at", "Where it was last seen on the map");
        var seen = new Option<DateTimeOffset?>("--seen") { Description = "When it was last seen (e.g. 2026-11-24T18:30+01:00; now when left out)" };
        var phone = new Option<string>("--phone") { Description = "A phone number to call you on", Required = true };
        var email = new Option<string>("--email") { Description = "An email address for finders", Required = true };
        var share = new Option<bool>("--share-contact") { Description = "Show your contact to signed-in players" };
        var reward = new Option<string>("--reward") { Description = "A reward, if you offer one" };
        var command = new Command("report", "Report a lost pet; opted-in neighbours are alerted")
        {
            name, type, breed, colour, size, age, description, features, place, at, seen, phone, email, share, reward,
        };
        return command.Runs(environment, async run =>
        {
            var point = run.Value(at);
            var body = new
            {
                name = run.Value(name), type = run.Value(type), breed = run.Value(breed), colour = run.Value(colour), size = run.Value(size),
                ageYears = run.Value(age), description = run.Value(description), features = run.Value(features),
                lastSeenPlace = run.Value(place), latitude = point.Latitude, longitude = point.Longitude,
                lastSeenAt = run.Value(seen) ?? environment.Clock.GetUtcNow(),
                contactPhone = run.Value(phone), contactEmail = run.Value(email), shareContact = run.Value(share), reward = run.Value(reward),
            };
            var reported = await run.Api.PostAsync("lost-pets", body, run.Cancellation);
            return run.Show(reported, (console, data) =>
            {
                console.Success($"Reported {body.name} as lost; {CatReference.Plural((int)data.Whole("neighboursAlerted"), "neighbour")} alerted.");
                console.Fields(("Id", data.Text("id")));
            });
        });
    }

    private static Command Sighting(CliEnvironment environment)
    {
        var pet = new Argument<Guid>("pet") { Description = "The report's id (from `purrr lost-pet search`)" };
        var at = Point("--at", "Where you saw it on the map");
        var place = new Option<string>("--place") { Description = "Where you saw it, in words" };
        var seen = new Option<DateTimeOffset?>("--seen") { Description = "When you saw it (now when left out)" };
        var description = new Option<string>("--description") { Description = "What you saw" };
        var confidence = Choice("--confidence", "How sure you are", Confidences);
        confidence.DefaultValueFactory = _ => "medium";
        var command = new Command("sighting", "Report seeing a lost pet; its owner hears at once") { pet, at, place, seen, description, confidence };
        return command.Runs(environment, async run =>
        {
            var point = run.Value(at);
            var body = new
            {
                place = run.Value(place), latitude = point.Latitude, longitude = point.Longitude, seenAt = run.Value(seen) ?? environment.Clock.GetUtcNow(),
                description = run.Value(description), confidence = run.Value(confidence),
            };
            var sighting = await run.Api.PostAsync($"lost-pets/{run.Value(pet)}/sightings", body, run.Cancellation);
            return run.Show(sighting, (console, data) =>
            {
                console.Success("Thank you: the owner has your sighting.");
                console.Fields(("Id", data.Text("id")));
            });
        });
    }

    public static void SearchResults(this CliConsole console, JsonElement results, TimeProvider clock)
    {
        var table = new Table("Name", "Type", "Breed", "Colour", "Last seen", "Distance", "Missing", "Reward", "Id");
        foreach (var pet in results.Items("results"))
            table.Add(pet.Text("name"), pet.Text("type"), pet.Text("breed"), pet.Text("colour"), pet.Text("lastSeenPlace"),
                Formats.Distance(pet.Number("distanceMeters")), $"{pet.Text("daysMissing")} d", pet.Text("reward"), pet.Text("id"));
        var total = (int)results.Whole("total");
        if (total == 0)
        {
            console.Line("No lost pets reported there. Try a larger --radius.");
            return;
        }
        console.Table(table);
        var pageSize = Math.Max(1, (int)results.Whole("pageSize"));
        console.Line($"Page {results.Whole("page")} of {(total + pageSize - 1) / pageSize} ({CatReference.Plural(total, "report")}).");
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
