using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Core.Webhooks;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using Purrr.Tests.LostPets;

namespace Purrr.Tests.Webhooks;

/// <summary>The app sending real HTTP requests to a listener on 127.0.0.1, through its outbox worker.</summary>
[Trait("Category", "Integration")]
public sealed class WebhookDeliveryTests
{
    private static async Task<UserId> RegisterAsync(PurrrAppFactory app, string name) =>
        await app.InScopeAsync(async sp => (await sp.GetRequiredService<AccountService>()
            .RegisterAsync(new RegistrationRequest(name, $"{name}@example.test", "purrr-test-pw", "UTC"))).Value.Id);

    private static async Task<WebhookCreated> AddHookAsync(PurrrAppFactory app, UserId owner, string url, params string[] events) =>
        (await app.Services.GetRequiredService<WebhookService>().CreateAsync(owner, new WebhookDraft(url, events))).Value;

    private static async Task<IReadOnlyList<WebhookDeliveryView>> WaitForLogAsync(IServiceProvider services, UserId owner, Guid hook, Func<WebhookDeliveryView, bool> until)
    {
        var service = services.GetRequiredService<WebhookService>();
        for (var i = 0; i < 300; i++)
        {
            var log = await service.DeliveriesAsync(owner, hook);
            if (log.Count > 0 && log.All(until))
                return log;
            await Task.Delay(100);
        }
        throw new TimeoutException("The delivery log did not settle.");
    }

    [Fact]
    public async Task A_test_event_reaches_the_listener_signed_and_its_answer_is_logged()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new PurrrAppFactory();
        var owner = await RegisterAsync(app, "hookie");
        // By name, as players type it: localhost may also resolve to ::1, where nothing listens; the guard tries each allowed address.
        var hook = await AddHookAsync(app, owner, listener.Url.Replace("127.0.0.1", "localhost"), WebhookEventTypes.CatCreated);

        await app.Services.GetRequiredService<WebhookService>().SendTestAsync(owner, hook.Id);
        await listener.WaitForAsync(1);

        var received = Assert.Single(listener.Received);
        Assert.True(WebhookRules.Verify(hook.Secret, received.Body, received.Signature));
        Assert.Equal("webhook.test", received.Event);
        using var json = JsonDocument.Parse(received.Body);
        Assert.Equal(hook.Id, json.RootElement.GetProperty("webhook_id").GetGuid());
        var log = Assert.Single(await WaitForLogAsync(app.Services, owner, hook.Id, d => d.Status != WebhookDeliveryStatus.Pending));
        Assert.Equal((WebhookDeliveryStatus.Delivered, 200, "thanks, purrr"), (log.Status, log.StatusCode, log.Response));
        Assert.Equal(received.Delivery, log.Id.ToString());
    }

    [Fact]
    public async Task A_refusing_listener_gets_its_status_logged_and_the_delivery_waits_a_minute()
    {
        await using var listener = await WebhookListener.StartAsync();
        listener.Answer = 503;
        await using var app = new PurrrAppFactory();
        var owner = await RegisterAsync(app, "unlucky");
        var hook = await AddHookAsync(app, owner, listener.Url, WebhookEventTypes.CatCreated);

        await app.Services.GetRequiredService<WebhookService>().SendTestAsync(owner, hook.Id);

        var log = Assert.Single(await WaitForLogAsync(app.Services, owner, hook.Id, d => d.Attempts == 1));
        Assert.Equal((WebhookDeliveryStatus.Pending, 503), (log.Status, log.StatusCode));
        Assert.InRange(log.NextAttemptAt!.Value - log.LastAttemptAt!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
        Assert.Single(listener.Received);
    }

    [Fact]
    public async Task The_ssrf_guard_refuses_loopback_at_send_time_unless_configuration_allows_it()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new PurrrAppFactory { RunWebhookWorker = false };
        var owner = await RegisterAsync(app, "sneaky");
        // Registered while allowed, then the rule tightens: the guard checks the address again when sending.
        var hook = await AddHookAsync(app, owner, listener.Url.Replace("127.0.0.1", "localhost"), WebhookEventTypes.CatCreated);
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Webhooks:AllowLoopback", "false").UseSetting("Webhooks:RunWorker", "true"));

        await strict.Services.GetRequiredService<WebhookService>().SendTestAsync(owner, hook.Id);

        var log = Assert.Single(await WaitForLogAsync(strict.Services, owner, hook.Id, d => d.Attempts >= 1));
        Assert.Null(log.StatusCode);
        Assert.Contains("this server itself", log.Error);
        Assert.Empty(listener.Received);
    }

    [Fact]
    public async Task An_event_saved_before_the_app_stopped_is_delivered_exactly_once_after_it_starts_again()
    {
        await using var folder = new TempFolder("purrr-webhook-crash-");
        await using var listener = await WebhookListener.StartAsync();
        UserId owner;
        WebhookCreated hook;
        Guid pet;
        await using (var before = new PurrrAppOnFolder(folder.Path) { RunWebhookWorker = false })
        {
            owner = await RegisterAsync(before, "survivor");
            hook = await AddHookAsync(before, owner, listener.Url, WebhookEventTypes.LostPetReported);
            pet = (await before.Services.GetRequiredService<LostPetService>().ReportAsync(owner, LostPetRulesTests.AReport())).Value.Id;
            await before.Services.GetRequiredService<WebhookService>().SendTestAsync(owner, hook.Id); // a delivery already made, not yet sent
            await Task.Delay(300);
            Assert.Empty(listener.Received); // the causes are saved, both sit in the outbox: now the app goes down
        }

        await using var after = new PurrrAppOnFolder(folder.Path);
        _ = after.Services; // starts the app, and its outbox worker with it
        await listener.WaitForAsync(2);
        await WaitForLogAsync(after.Services, owner, hook.Id, d => d.Status == WebhookDeliveryStatus.Delivered);
        var more = await after.Services.GetRequiredService<WebhookDispatcher>().RunAsync(); // and once more by hand: nothing left
        await Task.Delay(1500); // a worker round or so later, still nothing new

        Assert.Equal(0, more.Attempts);
        Assert.Equal(2, listener.Received.Count);
        Assert.All(listener.Received, r => Assert.True(WebhookRules.Verify(hook.Secret, r.Body, r.Signature)));
        Assert.Equal(["lost_pet.reported", "webhook.test"], listener.Received.Select(r => r.Event).Order());
        using var json = JsonDocument.Parse(listener.Received.Single(r => r.Event == "lost_pet.reported").Body);
        Assert.Equal(pet, json.RootElement.GetProperty("data").GetProperty("lost_pet_id").GetGuid());
    }
}
