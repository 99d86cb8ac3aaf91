using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Companion;

/// <summary>Chatting with one's cat in Chromium over the live circuit: the reply streams in, and the cat remembers.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CompanionE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_chats_with_their_cat_sees_it_think_and_its_reply_stream_in_and_is_remembered_by_name()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("chat"));
            await session.AdoptAsync("Biscuit", "Maine Coon");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
            var chat = page.GetByRole(AriaRole.Region, new() { Name = "Chat with Biscuit" });
            await Expect(chat).ToHaveAttributeAsync("data-ready", "true");
            var box = chat.GetByLabel("Say something to Biscuit");

            // Bad input first: told why, nothing sent, the text kept.
            await box.FillAsync(new string('m', 1001));
            await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(chat.GetByText("Messages can be at most 1,000 characters (this one has 1,001).")).ToBeVisibleAsync();
            await Expect(box).ToHaveValueAsync(new string('m', 1001));

            // Every state the reply goes through is recorded in the page, so a fast stream cannot slip between two polls.
            await page.EvaluateAsync(@"() => {
                window.streamed = [];
                new MutationObserver(() => {
                    const reply = document.querySelector('[data-testid=streaming-reply]');
                    if (reply && window.streamed.at(-1) !== reply.textContent) window.streamed.push(reply.textContent);
                }).observe(document.body, { subtree: true, childList: true, characterData: true });
            }");
            await box.FillAsync("Hello! My name is Sam.");
            await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(chat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Biscuit is thinking…");
            var reply = chat.Locator("li.cat").Filter(new() { HasText = "I'll remember you, Sam." });
            await Expect(reply).ToBeVisibleAsync();
            await Expect(chat.GetByRole(AriaRole.Status)).ToHaveTextAsync("");
            await Expect(box).ToHaveValueAsync("");

            var states = await page.EvaluateAsync<string[]>("() => window.streamed");
            Assert.True(states.Length > 3, $"the reply came in {states.Length} piece(s)");
            for (var i = 1; i < states.Length; i++)
                Assert.StartsWith(states[i - 1], states[i]); // each state adds words to the one before
            // The last words may land in the same render that moves the reply into the conversation: the stream is a prefix of it.
            Assert.StartsWith(states[^1].Trim(), (await reply.Locator(".text").TextContentAsync())!.Trim());

            // After a reload the conversation is still there, and the cat still knows the name.
            await page.ReloadAsync();
            await session.WaitForCircuitAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
            await Expect(chat).ToHaveAttributeAsync("data-ready", "true");
            await Expect(chat.GetByText("Hello! My name is Sam.")).ToBeVisibleAsync();
            await box.FillAsync("What's my name?");
            await chat.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(chat.Locator("li.cat").Filter(new() { HasText = "You're Sam, of course!" })).ToBeVisibleAsync();
        });
    }
}
