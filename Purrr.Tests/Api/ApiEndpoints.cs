namespace Purrr.Tests.Api;

/// <summary>
/// Every /api/v1 endpoint once, as a table: path templates name the resources they need ({cat}, {cat2}, {game}, {pet}),
/// filled in per test; <see cref="Scope"/> is the one the endpoint requires.
/// </summary>
public sealed record ApiEndpoint(string Method, string Path, object? Body, string Scope)
{
    public static readonly IReadOnlyList<ApiEndpoint> All =
    [
        new("GET", "/api/v1/me", null, "read"),
        new("GET", "/api/v1/cats", null, "read"),
        new("GET", "/api/v1/cats/{cat}", null, "read"),
        new("GET", "/api/v1/cats/{cat}/territories", null, "read"),
        new("POST", "/api/v1/cats/{cat}/feed", new { food = "basic_food" }, "write"),
        new("POST", "/api/v1/cats/{cat}/play", new { }, "write"),
        new("POST", "/api/v1/cats/{cat}/groom", new { }, "write"),
        new("POST", "/api/v1/cats/{cat}/rest", null, "write"),
        new("POST", "/api/v1/cats/{cat}/train", new { command = "sit" }, "write"),
        new("GET", "/api/v1/cats/{cat}/nft", null, "read"),
        new("GET", "/api/v1/breeding/candidates", null, "read"),
        new("GET", "/api/v1/breeding/pairs?motherId={cat}&fatherId={cat2}", null, "read"),
        new("POST", "/api/v1/breeding", new { motherId = "{cat}", fatherId = "{cat2}" }, "write"),
        new("GET", "/api/v1/games", null, "read"),
        new("GET", "/api/v1/games/paw-match", null, "read"),
        new("POST", "/api/v1/games/paw-match", new { catId = "{cat}", entryFee = 10 }, "write"),
        new("GET", "/api/v1/games/paw-match/{game}", null, "read"),
        new("POST", "/api/v1/games/paw-match/{game}/flips", new { card = 0 }, "write"),
        new("POST", "/api/v1/games/paw-match/{game}/give-up", null, "write"),
        new("GET", "/api/v1/economy/balance", null, "read"),
        new("GET", "/api/v1/economy/ledger", null, "read"),
        new("GET", "/api/v1/nightwatch/status", null, "read"),
        new("POST", "/api/v1/nightwatch/deploy", new { cats = new[] { new { cat = "{cat}" } } }, "write"),
        new("GET", "/api/v1/nightwatch/zones", null, "read"),
        new("POST", "/api/v1/nightwatch/zones", new { type = "motion_sensor", name = "Gate", latitude = 48.85, longitude = 2.35, radiusMeters = 50 }, "write"),
        new("GET", "/api/v1/nightwatch/stats", null, "read"),
        new("GET", "/api/v1/lost-pets?latitude=48.85&longitude=2.35", null, "read"),
        new("GET", "/api/v1/lost-pets/{pet}", null, "read"),
        new("POST", "/api/v1/lost-pets", LostPetReport(), "write"),
        new("POST", "/api/v1/lost-pets/{pet}/sightings", Sighting(), "write"),
        new("GET", "/api/v1/rooms", null, "read"),
        new("GET", "/api/v1/rooms/playground-1", null, "read"),
        new("POST", "/api/v1/devices/{device}/readings", new { readings = new[] { new { id = "r-1", takenAt = DateTimeOffset.UtcNow.AddHours(-1), weightGrams = 4_200 } } }, "write"),
    ];

    public static object LostPetReport() => new
    {
        name = "Biscuit", type = "cat", breed = "Tabby", colour = "Brown", size = "medium", ageYears = 3, description = "Shy", features = "White paws",
        lastSeenPlace = "Rue de Rivoli", latitude = 48.86, longitude = 2.34, lastSeenAt = DateTimeOffset.UtcNow.AddHours(-3),
        contactPhone = "+33 6 12 34 56 78", contactEmail = "owner@example.test", shareContact = true, reward = "€20",
    };

    public static object Sighting() => new
    {
        place = "Pont Neuf", latitude = 48.857, longitude = 2.341, seenAt = DateTimeOffset.UtcNow.AddHours(-1), description = "Under a bench", confidence = "high",
    };

    public static TheoryData<string> Names => [.. All.Select(e => e.ToString())];

    public static ApiEndpoint Named(string name) => All.Single(e => e.ToString() == name);

    public override string ToString() => $"{Method} {Path}";

    /// <summary>This endpoint as a request, with the resources filled in.</summary>
    public HttpRequestMessage Request(IReadOnlyDictionary<string, string> ids)
    {
        string Fill(string text) => ids.Aggregate(text, (current, id) => current.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
        var request = new HttpRequestMessage(new HttpMethod(Method), Fill(Path));
        if (Body is not null)
            request.Content = new StringContent(Fill(System.Text.Json.JsonSerializer.Serialize(Body)), System.Text.Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>Ids that exist nowhere: enough for the tests that stop at authentication.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoSuchIds = new Dictionary<string, string>
    {
        ["cat"] = Guid.NewGuid().ToString(), ["cat2"] = Guid.NewGuid().ToString(), ["game"] = Guid.NewGuid().ToString(), ["pet"] = Guid.NewGuid().ToString(),
        ["device"] = Guid.NewGuid().ToString(),
    };
}
