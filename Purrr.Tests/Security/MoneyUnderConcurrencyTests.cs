using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Games;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Data;
using Purrr.Tests.Api;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// One account hammered from the API and from circuits (the services a page calls) at the same moment: a hundred
/// payments, retried clicks and reward claims at once. Whatever wins, the ledger and the balance agree entry by entry,
/// no balance goes below zero, a retried payment is charged once, a reward is paid once; and a room with 15 places
/// that 50 cats rush into holds exactly 15.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class MoneyUnderConcurrencyTests(ApiApp app)
{
    [Fact]
    public async Task A_hundred_spends_retries_and_claims_at_once_from_api_and_circuits_keep_the_ledger_and_balance_equal()
    {
        var (player, firstCat) = await app.NewPlayerWithCatAsync(Names.Unique("rush"));
        var now = app.ShiftedClock.GetUtcNow();
        var cats = new[] { firstCat }.Concat((await AddCatsAsync(player, now, 4))).ToArray();
        await CompleteTheFeedingQuestAsync(player, cats[0], now);
        using var api = app.Client(await app.KeyAsync(player, ["read", "write"]));
        var inventory = app.Services.GetRequiredService<InventoryService>();
        var games = app.Services.GetRequiredService<PawMatchService>();
        var quests = app.Services.GetRequiredService<QuestService>();
        var foodBefore = (await inventory.GetAsync(player)).QuantityOf(Items.BasicFood);

        var apiAnswers = new ConcurrentBag<(string Key, HttpStatusCode Status, string Body)>();
        var circuitAnswers = new ConcurrentBag<(string What, bool Succeeded, string? Message)>();
        var operations = new List<Func<Task>>();
        for (var i = 0; i < 30; i++) // 20 different API payments, 10 of them retried
        {
            var key = $"api-game-{i % 20}";
            var cat = cats[i % cats.Length];
            operations.Add(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/games/paw-match")
                {
                    Content = JsonContent(new JsonObject { ["catId"] = cat.ToString(), ["entryFee"] = 10 }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await api.SendAsync(request);
                apiAnswers.Add((key, response.StatusCode, await response.Content.ReadAsStringAsync()));
            });
        }
        for (var i = 0; i < 40; i++) // 30 different shop clicks, 10 of them repeated
        {
            var key = $"shop-{i % 30}";
            operations.Add(async () =>
            {
                var bought = await inventory.BuyAsync(player, Items.BasicFood.Key, 1, key);
                circuitAnswers.Add(("buy", bought.Succeeded, bought.Succeeded ? null : bought.FirstMessage));
            });
        }
        for (var i = 0; i < 20; i++) // 20 games started from the page
        {
            var key = $"page-game-{i}";
            var cat = cats[i % cats.Length];
            operations.Add(async () =>
            {
                var started = await games.StartAsync(player, cat, 10, key);
                circuitAnswers.Add(("game", started.Succeeded, started.Succeeded ? null : started.FirstMessage));
            });
        }
        for (var i = 0; i < 10; i++) // the same finished quest claimed from ten tabs
            operations.Add(async () =>
            {
                var claimed = await quests.ClaimAsync(player, "long_feed", "ever", cats[0]);
                circuitAnswers.Add(("claim", claimed.Succeeded, claimed.Succeeded ? null : claimed.FirstMessage));
            });

        await Task.WhenAll(operations.Select(operation => Task.Run(operation)));

        Assert.Equal(100, apiAnswers.Count + circuitAnswers.Count);
        Assert.All(apiAnswers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{a.Key}: {(int)a.Status} {a.Body}"));
        Assert.All(circuitAnswers.Where(a => !a.Succeeded), a => Assert.False(string.IsNullOrWhiteSpace(a.Message)));
        // A retried API payment answers with the same game as the first.
        foreach (var retried in apiAnswers.Where(a => a.Status == HttpStatusCode.OK).GroupBy(a => a.Key))
            Assert.Single(retried.Select(a => JsonNode.Parse(a.Body)!["data"]!["id"]!.GetValue<string>()).Distinct());

        await using var db = await app.Services.GetRequiredService<Purrr.Core.Persistence.IPurrrDbFactory>().CreateAsync();
        var coins = await db.Players.Where(p => p.Id == player).Select(p => p.Coins).SingleAsync();
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.PlayerId == player).OrderBy(e => e.Id).ToListAsync();
        Assert.True(coins >= 0, $"The balance went negative: {coins}.");
        Assert.Equal(coins, ledger.Sum(e => e.Amount));
        Assert.Equal(coins, ledger[^1].BalanceAfter);
        for (var i = 1; i < ledger.Count; i++)
            Assert.Equal(ledger[i - 1].BalanceAfter + ledger[i].Amount, ledger[i].BalanceAfter); // no lost update between entries
        Assert.All(ledger, e => Assert.True(e.BalanceAfter >= 0, $"Entry {e.Id} left {e.BalanceAfter}."));
        Assert.Empty(ledger.Where(e => e.IdempotencyKey is not null).GroupBy(e => e.IdempotencyKey).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Single(ledger, e => e.Reason == LedgerReason.QuestReward);
        Assert.Equal(1, circuitAnswers.Count(a => a.What == "claim" && a.Succeeded));
        var purchases = ledger.Count(e => e.Reason == LedgerReason.Purchase);
        Assert.Equal(foodBefore + purchases, (await inventory.GetAsync(player)).QuantityOf(Items.BasicFood)); // each payment delivered once
        Assert.Equal(ledger.Count(e => e.Reason == LedgerReason.PawMatchFee), await db.PawMatchGames.CountAsync(g => g.PlayerId == player));
        Assert.True(purchases > 0 && ledger.Any(e => e.Reason == LedgerReason.PawMatchFee), "The rush did nothing: the test proves nothing.");
    }

    [Fact]
    public async Task Fifty_cats_rushing_into_a_room_with_fifteen_places_leave_exactly_fifteen_inside()
    {
        var now = app.ShiftedClock.GetUtcNow();
        var rushers = new List<(UserId Player, CatId Cat)>();
        for (var i = 0; i < 50; i++)
        {
            var (player, _) = await app.NewPlayerWithCatAsync(Names.Unique("join"));
            rushers.Add((player, (await AddCatsAsync(player, now, 1))[0]));
        }
        var rooms = app.Services.GetRequiredService<RoomService>();
        var room = new RoomKey(RoomType.Playground, 900); // a room of its own, away from the other tests

        var joins = await Task.WhenAll(rushers.Select((r, i) => Task.Run(() => rooms.JoinAsync(r.Player, $"rush-tab-{i}", r.Cat, RoomType.Playground, room))));

        try
        {
            Assert.True(joins.Count(j => j.Succeeded) == RoomTypes.Capacity(RoomType.Playground),
                $"{joins.Count(j => j.Succeeded)} joined; refusals: {string.Join(" | ", joins.Where(j => !j.Succeeded).Select(j => j.FirstMessage).Distinct())}");
            Assert.All(joins.Where(j => !j.Succeeded), j => Assert.Equal("Playground 900 is full (15 of 15). Try another playground.", j.FirstMessage));
            Assert.Equal(15, (await rooms.ViewAsync(room)).Members.Count);
            await using var db = await app.Services.GetRequiredService<Purrr.Core.Persistence.IPurrrDbFactory>().CreateAsync();
            Assert.Equal(15, await db.RoomVisits.CountAsync(v => v.RoomKey == room.ToString())); // a refused cat left no visit behind
        }
        finally
        {
            foreach (var (player, cat) in rushers)
                await rooms.LeaveAsync(player, cat);
        }
    }

    private async Task<CatId[]> AddCatsAsync(UserId player, DateTimeOffset now, int count)
    {
        var cats = Enumerable.Range(0, count).Select(i => ACat.Playful().Named($"Rusher {i}").OwnedBy(player).BornAt(now).Build()).ToArray();
        await app.AddCatsAsync(cats);
        return [.. cats.Select(c => c.Id)];
    }

    /// <summary>A hundred recorded feedings, processed, so the "Devoted keeper" quest waits to be claimed.</summary>
    private async Task CompleteTheFeedingQuestAsync(UserId player, CatId cat, DateTimeOffset now)
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var fed = await db.Cats.SingleAsync(c => c.Id == cat);
            for (var i = 0; i < 100; i++)
                db.ActivityEvents.Add(ActivityEvent.Of(player, fed, ActivityKind.CatFed, now));
            return await db.SaveChangesAsync();
        });
        var progress = app.Services.GetRequiredService<ProgressService>();
        while (await progress.ProcessPendingAsync() > 0)
        {
        }
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
