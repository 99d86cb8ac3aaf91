using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Core.Webhooks;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Webhooks;

/// <summary>A player registers a webhook in Chromium, sends a test event, and sees it delivered in the log; adopting a cat sends cat.created.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class WebhooksE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_registers_a_hook_sends_a_test_event_and_sees_it_delivered()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            var name = Names.Unique("hooked");
            await session.SignUpAsync(name);
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Webhooks" }).ClickAsync();
            await session.WaitForRouteAsync("**/settings/webhooks");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();

            await page.GetByLabel("Payload URL").FillAsync(listener.Url);
            await page.GetByText("cat.created", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
            var secret = await page.GetByTestId("new-secret").TextContentAsync();
            Assert.Matches("^whsec_[0-9a-f]{64}$", secret);

            var hook = page.GetByRole(AriaRole.Listitem, new() { Name = $"Webhook to {listener.Url}" });
            await hook.GetByRole(AriaRole.Button, new() { Name = $"Send test event to {listener.Url}" }).ClickAsync();
            await Expect(hook.GetByRole(AriaRole.Row).Filter(new() { HasText = "webhook.test" })).ToContainTextAsync("Delivered · 200");
            await hook.GetByText("Body", new() { Exact = true }).ClickAsync();
            await Expect(hook.GetByText("thanks, purrr")).ToBeVisibleAsync();

            var test = Assert.Single(listener.Received);
            Assert.True(WebhookRules.Verify(secret!, test.Body, test.Signature));

            // A real event: adopting a cat reaches the same hook, and its log shows it.
            await session.AdoptAsync("Webster", "Persian");
            await listener.WaitForAsync(2);
            Assert.Equal("cat.created", listener.Received.Last().Event);
            Assert.True(WebhookRules.Verify(secret!, listener.Received.Last().Body, listener.Received.Last().Signature));
            await session.GotoAsync("settings/webhooks");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "cat.created" })).ToContainTextAsync("Delivered · 200");
        });

        Assert.Empty(session.Errors);
    }
}
