using System.CommandLine;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary><c>purrr cats</c>, <c>purrr cat &lt;cat&gt;</c> and <c>purrr feed &lt;cat&gt;</c>: /api/v1/cats.</summary>
public static class CatCommands
{
    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        yield return new Command("cats", "List your cats, numbered: other commands take the number").Runs(environment, async run =>
            run.Show(await run.Api.GetAsync("cats", run.Cancellation), (console, cats) => console.CatList(cats)));

        var shown = new Argument<string>("cat") { Description = CatReference.Help };
        yield return new Command("cat", "Show one cat: its stats and when each care action is ready") { shown }.Runs(environment, async run =>
        {
            var id = await CatReference.ResolveAsync(run.Api, run.Value(shown), run.Cancellation);
            return run.Show(await run.Api.GetAsync($"cats/{id}", run.Cancellation), (console, cat) => console.CatProfile(cat, environment.Clock));
        });

        var fed = new Argument<string>("cat") { Description = CatReference.Help };
        var food = new Option<string>("--food") { Description = "A food from your pantry", DefaultValueFactory = _ => "basic_food" };
        yield return new Command("feed", "Feed one of your cats") { fed, food }.Runs(environment, async run =>
        {
            var id = await CatReference.ResolveAsync(run.Api, run.Value(fed), run.Cancellation);
            var outcome = await run.Api.PostAsync($"cats/{id}/feed", new { food = run.Value(food) }, run.Cancellation);
            return run.Show(outcome, (console, data) => console.CareOutcome(data));
        });
    }

    public static void CatList(this CliConsole console, JsonElement cats)
    {
        var table = new Table("#", "Name", "Breed", "Personality", "Level", "Id");
        var number = 0;
        foreach (var cat in cats.Items())
            table.Add((++number).ToString(), cat.Text("name"), cat.Text("breedName"), cat.Text("personality"), cat.Text("level"), cat.Text("id"));
        if (table.Count == 0)
            console.Line("You have no cats yet: adopt one on the website.");
        else
            console.Table(table);
    }

    public static void CatProfile(this CliConsole console, JsonElement cat, TimeProvider clock)
    {
        var zone = TimeZoneInfo.Local;
        console.Heading($"{cat.Text("name")} — level {cat.Text("level")} {cat.Text("breedName")}, {cat.Text("personality")}");
        console.Fields(
            ("Id", cat.Text("id")),
            ("Owner", cat.Text("ownerName")),
            ("XP", cat.Text("xp")),
            ("Generation", cat.Text("generation")),
            ("Public", Formats.YesNo(cat.Flag("isPublic"))),
            ("Adopted", Formats.When(cat.Time("createdAt"), zone)),
            ("Napping until", cat.Time("napUntil") is { } nap ? Formats.When(nap, zone) : null),
            ("Description", cat.Text("description") is { Length: > 0 } description ? description : null));
        console.Line();
        var stats = new Table("Stat", "Value");
        if (cat.Get("stats") is { } values)
            foreach (var stat in values.EnumerateObject())
                stats.Add(Capitalised(stat.Name), stat.Value.ToString());
        console.Table(stats);
        if (cat.Get("readyAt") is { ValueKind: JsonValueKind.Object } ready)
        {
            console.Line();
            var care = new Table("Care", "Ready");
            var now = clock.GetUtcNow();
            foreach (var action in ready.EnumerateObject())
                care.Add(action.Name, cat.Get("readyAt")!.Value.Time(action.Name) is { } at && at > now ? Formats.When(at, zone) : "now");
            console.Table(care);
        }
    }

    public static void CareOutcome(this CliConsole console, JsonElement outcome)
    {
        console.Success(outcome.Text("message"));
        var before = outcome.Get("before");
        var after = outcome.Get("after");
        if (before is { } was && after is { } now)
        {
            var changes = new Table("Stat", "Before", "After");
            foreach (var stat in now.EnumerateObject())
                if (was.Text(stat.Name) != stat.Value.ToString())
                    changes.Add(Capitalised(stat.Name), was.Text(stat.Name), stat.Value.ToString());
            if (changes.Count > 0)
                console.Table(changes);
        }
        if (outcome.Whole("xpGained") is > 0 and var xp)
            console.Line($"+{xp} XP");
        if (outcome.Get("newLevel") is { } level)
            console.Success($"Level up! Now level {level}.");
    }

    private static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
