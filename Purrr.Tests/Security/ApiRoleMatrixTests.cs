using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Tests.Api;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// The role columns of the authorization matrix for the API (<see cref="ApiEndpoint.All"/>; the visitor column — 401 — and
/// the scopes are in ApiEndpointTests): the owner gets through every endpoint with their own things (an answer or a
/// rule's 400, never 401/403/404/5xx); a moderator's or an admin's key finds nothing of another player's (404), like any
/// other player's.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class ApiRoleMatrixTests(ApiApp app)
{
    private static readonly string[] ReadWrite = ["read", "write"];

    [Fact]
    public async Task The_owner_gets_through_every_endpoint_with_their_own_things()
    {
        var (owner, ids) = await PlayerWithThingsAsync("owner");
        using var api = app.Client(await app.KeyAsync(owner, ReadWrite));

        var refused = new List<string>();
        foreach (var endpoint in ApiEndpoint.All)
        {
            using var response = await api.SendAsync(endpoint.Request(ids));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.BadRequest))
                refused.Add($"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(refused.Count == 0, "The owner was refused:\n" + string.Join('\n', refused));
    }

    [Theory]
    [InlineData("luna", false)] // a moderator
    [InlineData("admin", true)] // an admin, with the admin scope
    public async Task Moderators_and_admins_find_nothing_of_another_players_through_the_api(string staff, bool admin)
    {
        var (_, ids) = await PlayerWithThingsAsync("private");
        ids["cat"] = ids["privateCat"]; // the breeding pair are public cats, readable by anyone
        var staffId = await app.PlayerIdAsync(staff);
        using var api = app.Client(await app.KeyAsync(staffId, admin ? ["read", "write", "admin"] : ReadWrite, admin: admin));

        var owned = ApiEndpoint.All.Where(e => e.Path.Contains("/{cat}", StringComparison.Ordinal) || e.Path.Contains("{game}", StringComparison.Ordinal)).ToList();
        foreach (var endpoint in owned)
        {
            var problem = await (await api.SendAsync(endpoint.Request(ids))).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Matches("^You have no (cat|game) with that id\\.$", problem.Title());
        }
        Assert.True(owned.Count >= 9, "The table of owned endpoints was not found.");
    }

    /// <summary>A new player with two cats ready to breed, a game in progress, a lost-pet report and a scale: the ids the table fills in.</summary>
    private async Task<(Purrr.Core.Common.UserId Player, Dictionary<string, string> Ids)> PlayerWithThingsAsync(string name)
    {
        var (player, cat) = await app.NewPlayerWithCatAsync(Names.Unique(name));
        var now = app.ShiftedClock.GetUtcNow();
        var mother = ACat.Playful().Named("Maple").OwnedBy(player).BornAt(now).ReadyToBreed().Build();
        var father = ACat.Curious().Named("Oak").OwnedBy(player).BornAt(now).ReadyToBreed().Build();
        await app.AddCatsAsync(mother, father);
        using var api = app.Client(await app.KeyAsync(player, ReadWrite));
        var game = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/games/paw-match", new { catId = cat.ToString(), entryFee = 10 })).DataAsync();
        var pet = await (await api.SendJsonAsync(HttpMethod.Post, "/api/v1/lost-pets", ApiEndpoint.LostPetReport())).DataAsync();
        var device = await app.Services.GetRequiredService<Purrr.Core.HealthDevices.HealthDeviceService>()
            .RegisterAsync(player, new Purrr.Core.HealthDevices.DeviceRegistration(mother.Id, "weight_scale", Names.Unique("SCALE")));
        return (player, new Dictionary<string, string>
        {
            ["privateCat"] = cat.ToString(), ["cat"] = mother.Id.ToString(), ["cat2"] = father.Id.ToString(), ["game"] = game["id"]!.GetValue<string>(), ["pet"] = pet["id"]!.GetValue<string>(),
            ["device"] = device.Value.Device.Id.ToString(),
        });
    }
}
