using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Webhooks;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Settings;

namespace Purrr.Tests.Webhooks;

public class WebhooksPageTests : ServiceTestBase
{
    private static IElement Button(IRenderedComponent<WebhooksPage> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == text);

    private static void Check(IRenderedComponent<WebhooksPage> page, string eventType) =>
        page.FindAll("label.mud-checkbox").First(l => l.TextContent.Contains(eventType)).QuerySelector("input")!.Change(true);

    private static List<string> LogResults(IRenderedComponent<WebhooksPage> page) =>
        page.FindAll(".purrr-webhook-log tbody tr[data-status] td:nth-child(3)").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_player_adds_a_hook_sees_its_secret_sends_a_test_event_and_watches_it_delivered()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<WebhooksPage>();
        page.WaitForAssertion(() => Assert.Contains("No webhooks yet", page.Markup));

        page.Find("input[aria-label='Payload URL']").Input("https://example.com/purrr");
        Check(page, "cat.created");
        Check(page, "game.won");
        await page.InvokeAsync(() => Button(page, "Add webhook").Click());

        var secret = page.WaitForElement("[data-testid=new-secret]").TextContent;
        Assert.Matches("^whsec_[0-9a-f]{64}$", secret);
        Assert.Contains("Sends cat.created, game.won", page.Find(".purrr-webhooks li").TextContent);
        Assert.Contains("Nothing sent yet", page.Markup);

        await page.InvokeAsync(() => Button(page, "Send test event").Click());
        page.WaitForAssertion(() => Assert.Equal(["Sending…"], LogResults(page)));

        var transport = new ScriptedTransport();
        await new WebhookDispatcher(Database.Factory, Clock, context.Services.GetRequiredService<IEventBus>(), transport).RunAsync();
        page.WaitForAssertion(() => Assert.Equal(["Delivered · 200"], LogResults(page))); // live, from the bus
        Assert.True(WebhookRules.Verify(secret, transport.Sent[0].Body, transport.Sent[0].Headers["X-Purrr-Signature"]));

        await page.InvokeAsync(() => Button(page, "Redeliver").Click());
        page.WaitForAssertion(() => Assert.Equal(["Sending…", "Delivered · 200"], LogResults(page)));
    }

    [Fact]
    public async Task A_bad_url_and_no_events_are_explained_and_nothing_is_added()
    {
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (milo, "milo"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<WebhooksPage>();

        page.Find("input[aria-label='Payload URL']").Input("http://example.com/hook");
        await page.InvokeAsync(() => Button(page, "Add webhook").Click());

        page.WaitForAssertion(() => Assert.Contains("Use an https:// URL", page.Markup));
        Assert.Equal("Choose at least one event to send.", page.Find("#events-problem").TextContent);
        Assert.Equal("http://example.com/hook", page.Find("input[aria-label='Payload URL']").GetAttribute("value")); // what was typed stays
        Assert.Contains("No webhooks yet", page.Markup);
    }

    [Fact]
    public async Task A_paused_hook_says_so_and_can_be_reactivated()
    {
        var nova = await NewPlayerAsync("nova");
        var hooks = new WebhookService(Database.Factory, Clock, Bus, Microsoft.Extensions.Options.Options.Create(new WebhookOptions()));
        var hook = (await hooks.CreateAsync(nova, new WebhookDraft("https://example.com/down", [WebhookEventTypes.GameWon]))).Value;
        await hooks.SendTestAsync(nova, hook.Id);
        var dispatcher = new WebhookDispatcher(Database.Factory, Clock, Bus, new ScriptedTransport(500, 500, 500, 500, 500));
        for (var i = 0; i < WebhookRules.MaxAttempts; i++)
        {
            await dispatcher.RunAsync();
            Clock.Advance(TimeSpan.FromMinutes(8));
        }
        await using var context = ComponentTestContext.Create(Database, (nova, "nova"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<WebhooksPage>();

        page.WaitForAssertion(() => Assert.Contains("Paused after failures", page.Markup));
        Assert.Equal(["Failed after 5 attempts · 500"], LogResults(page));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Send test event" or "Redeliver");

        await page.InvokeAsync(() => Button(page, "Reactivate").Click());

        page.WaitForAssertion(() => Assert.Contains("Active", page.Find(".mud-chip").TextContent));
        Assert.NotNull(Button(page, "Send test event"));
    }
}
