using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Core.Notifications;
using Purrr.Core.Webhooks;
using Purrr.Tests.Infrastructure;
using Purrr.Tests.LostPets;

namespace Purrr.Tests.Webhooks;

/// <summary>A transport that answers with scripted status codes (200 when the script runs out) and remembers each request.</summary>
public sealed class ScriptedTransport(params int?[] answers) : IWebhookTransport
{
    private readonly Queue<int?> answers = new(answers);

    public List<WebhookRequest> Sent { get; } = [];

    public Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken ct)
    {
        Sent.Add(request);
        var status = answers.TryDequeue(out var s) ? s : 200;
        return Task.FromResult(status is { } code ? new WebhookResponse(code, $"answer {Sent.Count}") : WebhookResponse.Failed("No answer within 10 seconds."));
    }
}

public class WebhookDispatcherTests : ServiceTestBase
{
    private static readonly WebhookOptions Options = new();

    private WebhookService Hooks => new(Database.Factory, Clock, Bus, Microsoft.Extensions.Options.Options.Create(Options));

    private WebhookDispatcher Dispatcher(IWebhookTransport transport) => new(Database.Factory, Clock, Bus, transport);

    private async Task<(UserId Owner, WebhookCreated Hook)> PlayerWithHookAsync(params string[] events)
    {
        var owner = await NewPlayerAsync("hooker");
        var hook = await Hooks.CreateAsync(owner, new WebhookDraft("https://example.com/purrr", events.Length > 0 ? events : [WebhookEventTypes.CatCreated]));
        Assert.True(hook.Succeeded, hook.FirstMessage);
        return (owner, hook.Value);
    }

    private async Task<Cat> AdoptAsync(UserId owner, string name = "Biscuit") =>
        (await Cats.AdoptAsync(owner, new AdoptCatRequest(name, "persian"))).Value;

    [Fact]
    public async Task Adopting_a_cat_sends_one_signed_cat_created_event_to_the_subscribed_hook()
    {
        var (owner, hook) = await PlayerWithHookAsync(WebhookEventTypes.CatCreated);
        var cat = await AdoptAsync(owner);
        var transport = new ScriptedTransport();

        var round = await Dispatcher(transport).RunAsync();

        Assert.Equal(1, round.Delivered);
        var sent = Assert.Single(transport.Sent);
        Assert.Equal("https://example.com/purrr", sent.Url.ToString());
        Assert.True(WebhookRules.Verify(hook.Secret, sent.Body, sent.Headers["X-Purrr-Signature"]));
        Assert.Equal("cat.created", sent.Headers["X-Purrr-Event"]);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal(cat.Id.Value, json.RootElement.GetProperty("data").GetProperty("cat_id").GetGuid());
        Assert.Equal("adopted", json.RootElement.GetProperty("data").GetProperty("source").GetString());
        Assert.Equal(hook.Id, json.RootElement.GetProperty("webhook_id").GetGuid());
        var log = Assert.Single(await Hooks.DeliveriesAsync(owner, hook.Id));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 200, "answer 1"), (log.Status, log.StatusCode, log.Response));
        Assert.Equal(0, (await Dispatcher(transport).RunAsync()).Attempts); // delivered once, never again
    }

    [Fact]
    public async Task Events_the_hook_did_not_choose_and_other_players_events_are_not_sent()
    {
        var (owner, _) = await PlayerWithHookAsync(WebhookEventTypes.GameWon);
        await AdoptAsync(owner);
        var other = await NewPlayerAsync("other");
        await AdoptAsync(other, "Pebble");
        var transport = new ScriptedTransport();

        var round = await Dispatcher(transport).RunAsync();

        Assert.Equal(2, round.EventsFannedOut);
        Assert.Empty(transport.Sent);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.WebhookEvents.CountAsync()); // the outbox is emptied all the same
    }

    [Fact]
    public async Task A_backlog_larger_than_one_batch_is_emptied_in_one_round()
    {
        var (owner, _) = await PlayerWithHookAsync(WebhookEventTypes.CatLevelUp);
        await using (var db = Database.NewContext())
        {
            for (var level = 2; level < WebhookDispatcher.BatchSize + 52; level++)
                WebhookOutbox.Enqueue(db, owner, WebhookEventTypes.CatLevelUp, new { Level = level }, Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var transport = new ScriptedTransport();

        var round = await Dispatcher(transport).RunAsync();

        Assert.Equal(WebhookDispatcher.BatchSize + 50, round.EventsFannedOut);
        Assert.Equal(WebhookDispatcher.BatchSize, round.Attempts); // sending goes a batch at a time; the rest next round
        Assert.Equal(50, (await Dispatcher(transport).RunAsync()).Attempts);
    }

    [Fact]
    public async Task Reporting_a_lost_pet_writes_its_event_in_the_same_save()
    {
        var (owner, hook) = await PlayerWithHookAsync(WebhookEventTypes.LostPetReported);
        var refused = await new LostPetService(Database.Factory, Clock, Bus).ReportAsync(owner, LostPetRulesTests.AReport(r => r with { Name = "" }));
        await using (var db = Database.NewContext())
            Assert.Equal(0, await db.WebhookEvents.CountAsync()); // nothing stored, nothing announced

        await new LostPetService(Database.Factory, Clock, Bus).ReportAsync(owner, LostPetRulesTests.AReport());
        var transport = new ScriptedTransport();
        await Dispatcher(transport).RunAsync();

        Assert.False(refused.Succeeded);
        using var json = JsonDocument.Parse(Assert.Single(transport.Sent).Body);
        Assert.Equal("lost_pet.reported", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Mochi", json.RootElement.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_failing_hook_is_retried_after_one_two_four_and_eight_minutes_then_paused_and_its_owner_told()
    {
        var (owner, hook) = await PlayerWithHookAsync();
        await AdoptAsync(owner);
        var transport = new ScriptedTransport(500, 502, null, 404, 500);
        var dispatcher = Dispatcher(transport);
        var start = Clock.GetUtcNow();

        var attemptsAt = new List<TimeSpan>();
        for (var minute = 0; minute <= 20; minute++)
        {
            for (var second = 0; second < 60; second += 30)
            {
                var before = transport.Sent.Count;
                await dispatcher.RunAsync();
                if (transport.Sent.Count > before)
                    attemptsAt.Add(Clock.GetUtcNow() - start);
                Clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        Assert.Equal([0, 1, 3, 7, 15], attemptsAt.Select(t => t.TotalMinutes));
        var log = Assert.Single(await Hooks.DeliveriesAsync(owner, hook.Id));
        Assert.Equal((WebhookDeliveryStatus.Failed, 5, 500), (log.Status, log.Attempts, log.StatusCode));
        Assert.Equal(WebhookStatus.Failed, Assert.Single(await Hooks.ListAsync(owner)).Status);
        await using var db = Database.NewContext();
        var told = Assert.Single(await db.Notifications.Where(n => n.RecipientId == owner).ToListAsync());
        Assert.Contains("failed 5 times", told.Text);
        Assert.Equal("/settings/webhooks", told.Link);
        Assert.Contains(Bus.Published.OfType<NotificationAdded>(), n => n.Recipient == owner);
    }

    [Fact]
    public async Task A_paused_hook_gets_no_new_events_until_reactivated()
    {
        var (owner, hook) = await PlayerWithHookAsync();
        await AdoptAsync(owner, "One");
        var transport = new ScriptedTransport(500, 500, 500, 500, 500);
        for (var i = 0; i < 5; i++)
        {
            await Dispatcher(transport).RunAsync();
            Clock.Advance(TimeSpan.FromMinutes(8));
        }
        await AdoptAsync(owner, "Two");
        await Dispatcher(transport).RunAsync();
        Assert.Equal(5, transport.Sent.Count);
        Assert.False((await Hooks.SendTestAsync(owner, hook.Id)).Succeeded);

        await Hooks.ReactivateAsync(owner, hook.Id);
        await AdoptAsync(owner, "Three");
        await Dispatcher(transport).RunAsync();

        Assert.Equal(6, transport.Sent.Count);
        Assert.Contains("Three", transport.Sent[^1].Body);
    }

    [Fact]
    public async Task Test_events_and_redeliveries_send_again_with_a_new_delivery_id()
    {
        var (owner, hook) = await PlayerWithHookAsync();
        var transport = new ScriptedTransport();
        var test = await Hooks.SendTestAsync(owner, hook.Id);
        await Dispatcher(transport).RunAsync();

        var again = await Hooks.RedeliverAsync(owner, test.Value);
        await Dispatcher(transport).RunAsync();

        Assert.Equal(2, transport.Sent.Count);
        Assert.Equal(transport.Sent[0].Body, transport.Sent[1].Body); // same event, same bytes
        Assert.Equal(test.Value.ToString(), transport.Sent[0].Headers["X-Purrr-Delivery"]);
        Assert.Equal(again.Value.ToString(), transport.Sent[1].Headers["X-Purrr-Delivery"]);
        Assert.Equal("webhook.test", transport.Sent[0].Headers["X-Purrr-Event"]);
        Assert.Equal(2, (await Hooks.DeliveriesAsync(owner, hook.Id)).Count);
        Assert.Contains(Bus.Published.OfType<WebhookDeliveryQueued>(), _ => true);
    }

    [Fact]
    public async Task Finished_deliveries_leave_the_log_after_thirty_days()
    {
        var (owner, hook) = await PlayerWithHookAsync();
        await Hooks.SendTestAsync(owner, hook.Id);
        var dispatcher = Dispatcher(new ScriptedTransport());
        await dispatcher.RunAsync();
        Clock.Advance(TimeSpan.FromDays(29));
        await Hooks.SendTestAsync(owner, hook.Id);
        await dispatcher.RunAsync();
        Assert.Equal(2, (await Hooks.DeliveriesAsync(owner, hook.Id)).Count);

        Clock.Advance(TimeSpan.FromDays(2));
        await dispatcher.RunAsync();

        var kept = Assert.Single(await Hooks.DeliveriesAsync(owner, hook.Id));
        Assert.Equal(TestClock.Noon.AddDays(29), kept.CreatedAt);
    }

    [Fact]
    public async Task Another_players_hook_cannot_be_seen_tested_redelivered_or_deleted()
    {
        var (owner, hook) = await PlayerWithHookAsync();
        var test = await Hooks.SendTestAsync(owner, hook.Id);
        await Dispatcher(new ScriptedTransport()).RunAsync();
        var stranger = await NewPlayerAsync("stranger");

        Assert.Null(await Hooks.SecretAsync(stranger, hook.Id));
        Assert.Empty(await Hooks.DeliveriesAsync(stranger, hook.Id));
        Assert.False((await Hooks.SendTestAsync(stranger, hook.Id)).Succeeded);
        Assert.False((await Hooks.RedeliverAsync(stranger, test.Value)).Succeeded);
        Assert.False((await Hooks.DeleteAsync(stranger, hook.Id)).Succeeded);
        Assert.Single(await Hooks.ListAsync(owner));
    }

    [Fact]
    public async Task A_bad_registration_stores_nothing_and_says_why()
    {
        var owner = await NewPlayerAsync("careful");

        var refused = await Hooks.CreateAsync(owner, new WebhookDraft("http://example.com/x", []));

        Assert.Equal(["Url", "Events"], refused.Problems.Select(p => p.Field));
        Assert.Empty(await Hooks.ListAsync(owner));
    }

    [Fact]
    public async Task A_player_can_have_at_most_ten_hooks()
    {
        var owner = await NewPlayerAsync("collector");
        for (var i = 0; i < Webhook.MaxPerPlayer; i++)
            Assert.True((await Hooks.CreateAsync(owner, new WebhookDraft($"https://example.com/{i}", [WebhookEventTypes.GameWon]))).Succeeded);

        var eleventh = await Hooks.CreateAsync(owner, new WebhookDraft("https://example.com/11", [WebhookEventTypes.GameWon]));

        Assert.Contains("at most 10", eleventh.FirstMessage);
    }
}
