using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Security;

namespace Purrr.Tests.Api;

/// <summary>
/// Seeded bad payloads (10,000 with PURRR_LONG_TESTS=1, 1,000 by default) across the write endpoints: wrong types, nulls, huge strings, negative and out-of-range
/// numbers, unknown fields, invalid JSON. Every one must be a 400 ProblemDetails with success: false — never a 5xx, never
/// accepted. Each payload starts from a valid body and breaks it, so what is tested is how the API reads bad input.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class ApiFuzzTests(ApiApp app)
{
    private static readonly int Payloads = Infrastructure.LongRuns.Cases(quick: 1_000, full: 10_000);

    private enum Kind { Key, Text, OptionalText, Enum, OptionalEnum, Id, Number, Flag, Date, Team, Readings }

    /// <summary>A field, and the numbers that are out of range for it (numbers only).</summary>
    private sealed record Field(string Name, Kind Kind, Func<Random, double>? BadNumber = null, bool Integer = true);

    private sealed record Target(string Path, Func<JsonObject> ValidBody, IReadOnlyList<Field> Fields);

    private static double Negative(Random r) => -1 - r.Next(1_000_000);

    private static double Latitude(Random r) => (r.Next(2) == 0 ? -1 : 1) * (90.001 + r.NextDouble() * 1e6);

    private static double Longitude(Random r) => (r.Next(2) == 0 ? -1 : 1) * (180.001 + r.NextDouble() * 1e6);

    private static IReadOnlyList<Target> Targets(CatId cat, Guid game, Guid pet, Guid device) =>
    [
        new($"/api/v1/cats/{cat}/feed", () => new JsonObject { ["food"] = "basic_food" }, [new("food", Kind.Key)]),
        new($"/api/v1/cats/{cat}/play", () => new JsonObject { ["item"] = "yarn_ball" }, [new("item", Kind.OptionalText)]),
        new($"/api/v1/cats/{cat}/groom", () => new JsonObject { ["item"] = "grooming_kit" }, [new("item", Kind.OptionalText)]),
        new($"/api/v1/cats/{cat}/train", () => new JsonObject { ["command"] = "sit" }, [new("command", Kind.Enum)]),
        new("/api/v1/breeding", () => new JsonObject { ["motherId"] = cat.ToString(), ["fatherId"] = cat.ToString() },
            [new("motherId", Kind.Id), new("fatherId", Kind.Id)]),
        new("/api/v1/games/paw-match", () => new JsonObject { ["catId"] = cat.ToString(), ["entryFee"] = 10 },
            [new("catId", Kind.Id), new("entryFee", Kind.Number, r => r.Next(2) == 0 ? Negative(r) : 51 + r.Next(1_000_000))]),
        new($"/api/v1/games/paw-match/{game}/flips", () => new JsonObject { ["card"] = 0 },
            [new("card", Kind.Number, r => r.Next(2) == 0 ? Negative(r) : 16 + r.Next(1_000_000))]),
        new("/api/v1/nightwatch/deploy", () => new JsonObject { ["cats"] = new JsonArray(new JsonObject { ["cat"] = cat.ToString(), ["role"] = "scout" }) },
            [new("cats", Kind.Team)]),
        new("/api/v1/nightwatch/zones", () => new JsonObject
            {
                ["type"] = "motion_sensor", ["name"] = "Gate", ["latitude"] = 48.85, ["longitude"] = 2.35, ["radiusMeters"] = 50, ["useKit"] = false,
            },
            [new("type", Kind.Enum), new("name", Kind.OptionalText), new("latitude", Kind.Number, Latitude, Integer: false),
                new("longitude", Kind.Number, Longitude, Integer: false), new("radiusMeters", Kind.Number, r => r.Next(2) == 0 ? Negative(r) : 1001 + r.Next(1_000_000)),
                new("useKit", Kind.Flag)]),
        new("/api/v1/lost-pets", () => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiEndpoint.LostPetReport()))!.AsObject(),
            [new("name", Kind.Text), new("type", Kind.Enum), new("breed", Kind.Text), new("colour", Kind.Text), new("size", Kind.Enum),
                new("ageYears", Kind.Number, Negative), new("description", Kind.OptionalText), new("features", Kind.OptionalText),
                new("lastSeenPlace", Kind.Text), new("latitude", Kind.Number, Latitude, Integer: false), new("longitude", Kind.Number, Longitude, Integer: false),
                new("lastSeenAt", Kind.Date), new("contactPhone", Kind.Text), new("contactEmail", Kind.Text), new("shareContact", Kind.Flag),
                new("reward", Kind.OptionalText)]),
        new($"/api/v1/lost-pets/{pet}/sightings", () => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ApiEndpoint.Sighting()))!.AsObject(),
            [new("place", Kind.OptionalText), new("latitude", Kind.Number, Latitude, Integer: false), new("longitude", Kind.Number, Longitude, Integer: false),
                new("seenAt", Kind.Date), new("description", Kind.OptionalText), new("confidence", Kind.Enum)]),
        new($"/api/v1/devices/{device}/readings", () => new JsonObject
            {
                ["readings"] = new JsonArray(new JsonObject { ["id"] = "r-1", ["takenAt"] = DateTimeOffset.UtcNow.AddHours(-1), ["weightGrams"] = 4_200 }),
            },
            [new("readings", Kind.Readings)]),
    ];

    [Fact]
    public async Task Thousands_of_bad_payloads_to_the_write_endpoints_are_each_a_400_problem()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync("fuzzer");
        // The fuzzer pays for the Enterprise tier (10,000 requests an hour) and spreads its requests over two hours.
        await app.InScopeAsync(sp => sp.GetRequiredService<Purrr.Data.PurrrDbContext>().Players.Where(p => p.Id == player)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ApiTier, ApiTier.Enterprise)));
        var key = await app.KeyAsync(player, ["read", "write"]);
        using var api = app.Client(key);
        var game = (await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/games/paw-match", new { catId = cat.ToString(), entryFee = 10 })).DataAsync())["id"]!.GetValue<string>();
        var pet = (await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/lost-pets", ApiEndpoint.LostPetReport())).DataAsync())["id"]!.GetValue<string>();
        var ledgerBefore = (await (await api.GetAsync("/api/v1/economy/ledger")).DataAsync()).ToJsonString();

        var random = new Random(20261124);
        var device = await app.Services.GetRequiredService<Purrr.Core.HealthDevices.HealthDeviceService>()
            .RegisterAsync(player, new Purrr.Core.HealthDevices.DeviceRegistration(cat, "weight_scale", "FUZZ-SCALE"));
        var targets = Targets(cat, Guid.Parse(game), Guid.Parse(pet), device.Value.Device.Id);
        var payloads = Enumerable.Range(0, Payloads).Select(_ =>
        {
            var target = targets[random.Next(targets.Count)];
            return (target.Path, Body: BadBody(target, random));
        }).ToList();

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        foreach (var hour in payloads.Chunk(Payloads / 2))
        {
            app.ShiftedClock.Advance(TimeSpan.FromHours(1));
            await SendAllAsync(hour);
        }

        async Task SendAllAsync(IEnumerable<(string Path, string Body)> batch) =>
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (payload, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, payload.Path) { Content = new StringContent(payload.Body, Encoding.UTF8, "application/json") };
            using var response = await api.SendAsync(request, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || JsonNode.Parse(text) is not JsonObject problem || problem["success"]?.GetValue<bool>() != false
                || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
                failures.Add($"{(int)response.StatusCode} POST {payload.Path} {Shorten(payload.Body)} → {Shorten(text)}");
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Payloads} were not a 400 problem:\n{string.Join('\n', failures.Take(10))}");
        Assert.Equal(Payloads, statuses[400]);
        Assert.Equal(ledgerBefore, (await (await api.GetAsync("/api/v1/economy/ledger")).DataAsync()).ToJsonString()); // nothing was bought
    }

    private static string BadBody(Target target, Random random)
    {
        switch (random.Next(12))
        {
            case 0: return InvalidJson(target.ValidBody().ToJsonString(), random);
            case 1: return random.Next(4) switch { 0 => "[]", 1 => "\"text\"", 2 => "42", _ => "true" };
            case 2:
                var extra = target.ValidBody();
                extra[$"unexpected{random.Next(1000)}"] = WrongTypeValue(random);
                return extra.ToJsonString();
            default:
                var body = target.ValidBody();
                var field = target.Fields[random.Next(target.Fields.Count)];
                if (random.Next(8) == 0)
                    body.Remove(field.Name); // a missing field, required or not: break another one too
                if (!body.ContainsKey(field.Name) && field.Kind is Kind.OptionalText or Kind.OptionalEnum)
                    body[$"unknown_{field.Name}"] = 1;
                else
                    body[field.Name] = BadValue(field, random);
                return body.ToJsonString();
        }
    }

    private static JsonNode? BadValue(Field field, Random random)
    {
        var choice = random.Next(4);
        if (choice == 0)
            return WrongTypeValue(random, field.Kind);
        return field.Kind switch
        {
            Kind.Key => choice switch { 1 => null, 2 => Huge(random), _ => "no-such-" + random.Next(1000) },
            Kind.Text => choice switch { 1 => null, 2 => Huge(random), _ => random.Next(2) == 0 ? "   " : "" },
            Kind.OptionalText => Huge(random),
            Kind.Enum or Kind.OptionalEnum => choice switch { 1 => random.Next(100), 2 => Huge(random), _ => "not_a_" + random.Next(1000) },
            Kind.Id => choice switch { 1 => null, 2 => Huge(random), _ => "cat-" + random.Next(1000) },
            Kind.Number => choice switch
            {
                1 => field.Integer ? JsonValue.Create(random.Next(1, 100) + 0.5) : null,
                2 => JsonNode.Parse("1" + new string('0', 20 + random.Next(400))), // too big for any int or double range check
                _ => JsonValue.Create(field.BadNumber!(random)),
            },
            Kind.Flag => choice switch { 1 => null, 2 => "true", _ => 1 },
            Kind.Date => choice switch { 1 => null, 2 => "2999-01-01T00:00:00Z", _ => random.Next(2) == 0 ? "yesterday" : "2026-13-45T25:61:00Z" },
            Kind.Team => choice switch
            {
                1 => new JsonArray(),
                2 => new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["cat"] = Guid.NewGuid().ToString() })]),
                _ => new JsonArray(new JsonObject { ["cat"] = "nope", ["role"] = "boss" }),
            },
            Kind.Readings => choice switch
            {
                1 => new JsonArray(),
                2 => new JsonArray([.. Enumerable.Range(0, 501).Select(i => (JsonNode)new JsonObject { ["id"] = $"r-{i}", ["takenAt"] = DateTimeOffset.UtcNow.AddHours(-1), ["weightGrams"] = 4_000 })]),
                _ => new JsonArray(new JsonObject
                {
                    ["id"] = random.Next(3) == 0 ? "" : "r-1",
                    ["takenAt"] = DateTimeOffset.UtcNow.AddDays(random.Next(2) == 0 ? 2 : -1),
                    ["weightGrams"] = random.Next(2) == 0 ? -5 : 500_000,
                }),
            },
            _ => throw new InvalidOperationException(field.Kind.ToString()),
        };
    }

    /// <summary>A value of a type the field is not (for text: a number; for numbers: text).</summary>
    private static JsonNode? WrongTypeValue(Random random, Kind? kind = null) => (kind, random.Next(4)) switch
    {
        (Kind.Key or Kind.Text or Kind.OptionalText or Kind.Enum or Kind.OptionalEnum or Kind.Id or Kind.Date, 0) => random.Next(-5, 5),
        (Kind.Number or Kind.Flag, 0) => "12",
        (_, 1) => new JsonObject { ["nested"] = true },
        (_, 2) => new JsonArray(1, 2, 3),
        _ => kind is Kind.Flag ? "yes" : kind is Kind.Number ? "NaN" : (JsonNode)false,
    };

    private static string Huge(Random random) => new('x', 10_000 + random.Next(10_000));

    private static string InvalidJson(string valid, Random random) => random.Next(6) switch
    {
        0 => valid[..Math.Max(1, random.Next(valid.Length - 1))], // cut short
        1 => valid.Replace('"', '\''),
        2 => valid.TrimEnd('}') + ",}",
        3 => "{" + valid,
        4 => "{}}",
        _ => "not json at all " + random.Next(1000).ToString(CultureInfo.InvariantCulture),
    };

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
