using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Api;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Api;

[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class ApiEndpointTests(ApiApp app)
{
    private static readonly string[] ReadWrite = ["read", "write"];

    [Fact]
    public async Task Me_economy_and_rooms_answer_in_the_envelope()
    {
        var milo = await app.PlayerIdAsync("milo");
        using var api = app.Client(await app.SharedKeyAsync("milo", "read"));

        var me = await (await api.GetAsync("/api/v1/me")).DataAsync();
        var balance = await (await api.GetAsync("/api/v1/economy/balance")).DataAsync();
        var ledger = await (await api.GetAsync("/api/v1/economy/ledger")).DataAsync();
        var rooms = await (await api.GetAsync("/api/v1/rooms")).DataAsync();
        var room = await (await api.GetAsync("/api/v1/rooms/playground-1")).DataAsync();

        Assert.Equal("milo", me["userName"]!.GetValue<string>());
        Assert.Equal(milo.ToString(), me["id"]!.GetValue<string>());
        Assert.Equal(["read"], me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(balance["coins"]!.GetValue<long>(), ledger["coins"]!.GetValue<long>());
        Assert.Contains(ledger["entries"]!.AsArray(), e => e!["reason"]!.GetValue<string>() == "welcome_gift");
        Assert.IsType<JsonArray>(rooms);
        Assert.Equal("playground-1", room["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_player_lists_their_cats_and_cares_for_one()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync("carer");
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));

        var cats = await (await api.GetAsync("/api/v1/cats")).DataAsync();
        var profile = await (await api.GetAsync($"/api/v1/cats/{cat}")).DataAsync();
        var fed = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/feed", new { food = "basic_food" })).DataAsync();
        var groomed = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/groom", new { })).DataAsync();
        var trained = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/train", new { command = "fetch" })).DataAsync();
        var played = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/play")).DataAsync();
        var rested = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/rest")).DataAsync();
        var again = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{cat}/feed", new { food = "basic_food" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(cat.ToString(), Assert.Single(cats.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("Pixel", profile["name"]!.GetValue<string>());
        Assert.Equal("playful", profile["personality"]!.GetValue<string>());
        Assert.Equal(["feed", "groom", "train", "play", "rest"],
            new[] { fed, groomed, trained, played, rested }.Select(o => o["action"]!.GetValue<string>()));
        Assert.Equal(100, groomed["after"]!["cleanliness"]!.GetValue<int>());
        Assert.Contains("again in", again.Title(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_player_previews_a_pair_and_breeds_it_once_per_idempotency_key()
    {
        var (player, _) = await app.NewPlayerWithCatAsync("breeder");
        var now = app.ShiftedClock.GetUtcNow();
        var mother = ACat.Playful().Named("Maple").OwnedBy(player).BornAt(now).ReadyToBreed().Build();
        var father = ACat.Curious().Named("Oak").OwnedBy(player).BornAt(now).ReadyToBreed().Build();
        await app.AddCatsAsync(mother, father);
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));
        api.DefaultRequestHeaders.Add("Idempotency-Key", "breed-maple-oak-1");

        var candidates = await (await api.GetAsync("/api/v1/breeding/candidates")).DataAsync();
        var pair = await (await api.GetAsync($"/api/v1/breeding/pairs?motherId={mother.Id}&fatherId={father.Id}")).DataAsync();
        var bred = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/breeding", new { motherId = mother.Id.ToString(), fatherId = father.Id.ToString() })).DataAsync();
        var retried = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/breeding", new { motherId = mother.Id.ToString(), fatherId = father.Id.ToString() })).DataAsync();
        var balance = await (await api.GetAsync("/api/v1/economy/balance")).DataAsync();

        Assert.Equal(3, candidates.AsArray().Count);
        Assert.InRange(pair["compatibility"]!.GetValue<int>(), 0, 100);
        Assert.True(pair["canBreed"] is null || pair["canBreed"]!.GetValue<bool>());
        Assert.NotEmpty(pair["odds"]!.AsArray());
        Assert.False(string.IsNullOrEmpty(bred["message"]!.GetValue<string>()));
        Assert.Equal(bred["pregnancyId"]?.ToJsonString(), retried["pregnancyId"]?.ToJsonString());
        Assert.Equal(Purrr.Core.Economy.Wallet.StartingCoins - 100, balance["coins"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_player_plays_paw_match_turn_by_turn()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync("gamer");
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));

        var games = await (await api.GetAsync("/api/v1/games")).DataAsync();
        var started = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/games/paw-match", new { catId = cat.ToString(), entryFee = 10 })).DataAsync();
        var id = started["id"]!.GetValue<string>();
        var flip = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/games/paw-match/{id}/flips", new { card = 3 })).DataAsync();
        var game = await (await api.GetAsync($"/api/v1/games/paw-match/{id}")).DataAsync();
        var offBoard = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/games/paw-match/{id}/flips", new { card = 16 })).ProblemAsync(HttpStatusCode.BadRequest);
        var givenUp = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/games/paw-match/{id}/give-up")).DataAsync();
        var history = await (await api.GetAsync("/api/v1/games/paw-match")).DataAsync();

        Assert.Equal("paw-match", games[0]!["key"]!.GetValue<string>());
        Assert.Equal(16, started["faces"]!.AsArray().Count);
        Assert.All(started["faces"]!.AsArray(), face => Assert.Null(face)); // the board is dealt face down
        Assert.Equal(3, flip["flip"]!["card"]!.GetValue<int>());
        Assert.Equal(flip["flip"]!["symbol"]!.GetValue<string>(), game["faces"]![3]!.GetValue<string>());
        Assert.Equal("Choose a card on the board.", offBoard.Title());
        Assert.Equal("lost", givenUp["status"]!.GetValue<string>());
        Assert.Contains(history.AsArray(), g => g!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_player_builds_a_zone_and_sends_a_patrol_at_night()
    {
        var (player, cat) = await app.NewPlayerWithCatAsync("watcher");
        var night = app.Services.GetRequiredService<NightWatchService>();
        Assert.True((await night.SetHomeAsync(player, 48.853, 2.35)).Succeeded);
        var window = app.Services.GetRequiredService<IOptions<NightWatchOptions>>().Value.Window;
        var now = app.ShiftedClock.GetUtcNow();
        if (!window.IsNight(Player.ZoneOf("Europe/Paris"), now))
            app.ShiftedClock.Advance(window.NextStart(Player.ZoneOf("Europe/Paris"), now) - now + TimeSpan.FromMinutes(1));
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));

        var zone = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/nightwatch/zones",
            new { type = "motion_sensor", name = "Back gate", latitude = 48.854, longitude = 2.351, radiusMeters = 50 })).DataAsync();
        var zones = await (await api.GetAsync("/api/v1/nightwatch/zones")).DataAsync();
        var patrol = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/nightwatch/deploy", new { cats = new[] { new { cat = cat.ToString(), role = "scout" } } })).DataAsync();
        var status = await (await api.GetAsync("/api/v1/nightwatch/status")).DataAsync();
        var stats = await (await api.GetAsync("/api/v1/nightwatch/stats")).DataAsync();

        Assert.Equal("motion_sensor", zone["type"]!.GetValue<string>());
        Assert.Contains(zones.AsArray(), z => z!["name"]!.GetValue<string>() == "Back gate");
        Assert.Equal("scout", Assert.Single(patrol["cats"]!.AsArray())!["role"]!.GetValue<string>());
        Assert.True(status["isNight"]!.GetValue<bool>());
        Assert.Equal("Europe/Paris", status["timeZone"]!.GetValue<string>());
        Assert.Equal(patrol["id"]!.GetValue<string>(), status["activePatrol"]!["id"]!.GetValue<string>());
        Assert.Equal(0, stats["encounters"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_player_searches_reports_and_sights_lost_pets()
    {
        var (player, _) = await app.NewPlayerWithCatAsync("finder");
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));

        var reported = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/lost-pets", ApiEndpoint.LostPetReport())).DataAsync();
        var id = reported["id"]!.GetValue<string>();
        var found = await (await api.GetAsync("/api/v1/lost-pets?latitude=48.86&longitude=2.34&radiusKm=1&text=tabby")).DataAsync();
        var sighting = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/lost-pets/{id}/sightings", ApiEndpoint.Sighting())).DataAsync();
        var pet = await (await api.GetAsync($"/api/v1/lost-pets/{id}")).DataAsync();
        var tooFar = await (await api.GetAsync("/api/v1/lost-pets?latitude=123&longitude=2.34")).ProblemAsync(HttpStatusCode.BadRequest);
        var cats = await (await api.GetAsync("/api/v1/lost-pets?latitude=48.86&longitude=2.34&radiusKm=1&type=cat")).DataAsync();
        var dogs = await (await api.GetAsync("/api/v1/lost-pets?latitude=48.86&longitude=2.34&radiusKm=1&type=dog")).DataAsync();
        var dragons = await (await api.GetAsync("/api/v1/lost-pets?latitude=48.86&longitude=2.34&type=dragon")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(found["results"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.Equal(sighting["id"]!.GetValue<string>(), Assert.Single(pet["sightings"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("owner@example.test", pet["contact"]!["email"]!.GetValue<string>());
        Assert.Equal("Choose a point on the map (latitude −90 to 90, longitude −180 to 180).", tooFar.Title());
        Assert.Contains(cats["results"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(dogs["results"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.Equal("Choose a type: cat, dog, bird, rabbit, other.", dragons.Title());
    }

    [Theory]
    [MemberData(nameof(ApiEndpoint.Names), MemberType = typeof(ApiEndpoint))]
    public async Task Every_endpoint_needs_credentials(string endpoint)
    {
        using var anonymous = app.Client();
        using var badKey = app.Client("pk_not-a-key");

        var without = await (await anonymous.SendAsync(ApiEndpoint.Named(endpoint).Request(ApiEndpoint.NoSuchIds))).ProblemAsync(HttpStatusCode.Unauthorized);
        var wrong = await (await badKey.SendAsync(ApiEndpoint.Named(endpoint).Request(ApiEndpoint.NoSuchIds))).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("Authenticate with an API key (X-API-Key header) or a bearer token.", without.Title());
        Assert.Equal("The API key is not valid.", wrong.Title());
    }

    [Theory]
    [MemberData(nameof(ApiEndpoint.Names), MemberType = typeof(ApiEndpoint))]
    public async Task Every_endpoint_needs_its_scope(string endpoint)
    {
        var target = ApiEndpoint.Named(endpoint);
        using var api = app.Client(await app.SharedKeyAsync("pixel", target.Scope == "read" ? "write" : "read"));

        var refused = await (await api.SendAsync(target.Request(ApiEndpoint.NoSuchIds))).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal($"This key lacks the \"{target.Scope}\" scope.", refused.Title());
    }

    [Fact]
    public async Task Another_players_cats_and_games_are_not_found()
    {
        var (victim, victimCat) = await app.NewPlayerWithCatAsync("victim");
        using var victimApi = app.Client(await app.KeyAsync(victim, ReadWrite));
        var game = await (await victimApi.SendJsonAsync(HttpMethod.Post, "/api/v1/games/paw-match", new { catId = victimCat.ToString(), entryFee = 10 })).DataAsync();
        var device = await app.Services.GetRequiredService<Purrr.Core.HealthDevices.HealthDeviceService>()
            .RegisterAsync(victim, new Purrr.Core.HealthDevices.DeviceRegistration(victimCat, "weight_scale", "VICTIM-SCALE"));
        var ids = new Dictionary<string, string>(ApiEndpoint.NoSuchIds)
        {
            ["cat"] = victimCat.ToString(), ["game"] = game["id"]!.GetValue<string>(), ["device"] = device.Value.Device.Id.ToString(),
        };
        var (intruder, _) = await app.NewPlayerWithCatAsync("intruder");
        using var intruderApi = app.Client(await app.KeyAsync(intruder, ReadWrite));
        var victimGameBefore = (await (await victimApi.GetAsync($"/api/v1/games/paw-match/{ids["game"]}")).DataAsync()).ToJsonString();

        var table = ApiEndpoint.All.Where(e => e.Path.Contains("/{cat}", StringComparison.Ordinal) || e.Path.Contains("{game}", StringComparison.Ordinal)
            || e.Path.Contains("{pet}", StringComparison.Ordinal) || e.Path.Contains("{device}", StringComparison.Ordinal)).ToList();
        foreach (var endpoint in table)
        {
            var problem = await (await intruderApi.SendAsync(endpoint.Request(ids))).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Matches("^(You have no cat with that id|You have no game with that id|There is no lost pet report with that id|There is no device with that id among yours)\\.$", problem.Title());
        }

        Assert.Equal(14, table.Count);
        Assert.Equal(victimGameBefore, (await (await victimApi.GetAsync($"/api/v1/games/paw-match/{ids["game"]}")).DataAsync()).ToJsonString());
        var victimCatNow = await (await victimApi.GetAsync($"/api/v1/cats/{victimCat}")).DataAsync();
        Assert.All(victimCatNow["readyAt"]!.AsObject(), ready => Assert.Null(ready.Value)); // no care action went through
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_the_attempt_is_logged()
    {
        var nova = await app.PlayerIdAsync("nova");
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var made = await keys.CreateAsync(nova, new ApiKeyRequest("Soon revoked", ["read"], null, null), false);
        using var api = app.Client(made.Value.Key, fromIp: "198.51.100.23");
        await (await api.GetAsync("/api/v1/me")).DataAsync();

        await keys.RevokeAsync(nova, made.Value.View.Id);
        var refused = await (await api.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key has been revoked.", refused.Title());
        Assert.Contains(await MisusesAsync(), e => e.IpAddress == "198.51.100.23" && e.Detail.Contains("Soon revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_works_until_it_expires()
    {
        var nova = await app.PlayerIdAsync("nova");
        using var api = app.Client(await app.KeyAsync(nova, ["read"], expires: app.ShiftedClock.GetUtcNow().AddHours(2)));
        await (await api.GetAsync("/api/v1/me")).DataAsync();

        app.ShiftedClock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("The API key has expired.", (await (await api.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized)).Title());
    }

    [Fact]
    public async Task A_key_with_an_allow_list_works_only_from_those_addresses()
    {
        var nova = await app.PlayerIdAsync("nova");
        var key = await app.KeyAsync(nova, ["read"], allowedIps: "203.0.113.0/24");
        using var office = app.Client(key, fromIp: "203.0.113.9");
        using var elsewhere = app.Client(key, fromIp: "198.51.100.1");

        await (await office.GetAsync("/api/v1/me")).DataAsync();
        var refused = await (await elsewhere.GetAsync("/api/v1/me")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("The API key may not be used from this address.", refused.Title());
        Assert.Contains(await MisusesAsync(), e => e.IpAddress == "198.51.100.1");
    }

    [Fact]
    public async Task The_admin_scope_lapses_when_its_owner_is_no_longer_an_admin()
    {
        var admin = await app.PlayerIdAsync("admin");
        using var api = app.Client(await app.KeyAsync(admin, ["read", "admin"], admin: true));

        var me = await (await api.GetAsync("/api/v1/me")).DataAsync();

        Assert.Equal(["read", "admin"], me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var (player, _) = await app.NewPlayerWithCatAsync("notadmin");
        using var lapsed = app.Client(await app.KeyAsync(player, ["read", "admin"], admin: true)); // made as if by an admin; the player is none
        Assert.Equal(["read"], (await (await lapsed.GetAsync("/api/v1/me")).DataAsync())["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Errors_under_api_are_problem_details_and_the_openapi_document_describes_the_api()
    {
        using var api = app.Client(await app.SharedKeyAsync("nova", "read", "write"));

        var unknown = await (await api.GetAsync("/api/v1/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound);
        var notJson = await (await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cats/{Guid.NewGuid()}/train")
        {
            Content = new StringContent("{\"command\": ", System.Text.Encoding.UTF8, "application/json"),
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{Guid.NewGuid()}/train", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        var unknownField = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/cats/{Guid.NewGuid()}/train", new { command = "sit", treats = 3 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        var document = JsonNode.Parse(await app.Client().GetStringAsync("/openapi/v1.json"))!;

        Assert.Equal("There is nothing at this address.", unknown.Title());
        Assert.Equal("The request body is not valid JSON for this endpoint.", notJson.Title());
        Assert.Equal("Missing required fields: 'command'.", missing["detail"]!.GetValue<string>());
        Assert.Equal("$.treats is not a field of this request.", unknownField["detail"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/cats/{id}/feed", paths);
        Assert.Contains("/api/v1/nightwatch/deploy", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/v1/", path));
        Assert.Equal("X-API-Key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
    }

    private async Task<IReadOnlyList<SecurityEvent>> MisusesAsync()
    {
        await using var db = await app.Services.GetRequiredService<IPurrrDbFactory>().CreateAsync();
        return await db.SecurityEvents.AsNoTracking().Where(e => e.Type == SecurityEventType.ApiKeyMisuse).ToListAsync();
    }
}
