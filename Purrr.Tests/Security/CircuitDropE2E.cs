using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Security;

/// <summary>
/// The network of a Chromium tab drops mid-typing for 10 seconds (every reconnect attempt refused meanwhile): the
/// reconnect dialog shows (and, being modal, holds the page still), and when the network is back the same circuit resumes
/// with every typed character in place — including the last ones, typed just before the cut. (A drop longer than the server keeps circuits — three minutes — loses the
/// circuit; the post draft then comes back from the server's autosave after a reload: PostEditorE2E.)
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CircuitDropE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_ten_second_drop_mid_draft_shows_the_reconnect_dialog_and_loses_no_typed_text()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        var offline = false;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), async ws =>
        {
            if (offline)
                await ws.CloseAsync(); // a reconnect attempt while the network is down
            else
                sockets.Add((ws, ws.ConnectToServer()));
        });

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("drop"));
            await session.GotoAsync("community/write");
            await page.GetByLabel("Title").FillAsync("Cut off mid sentence");
            var body = page.GetByLabel("Body");
            await body.PressSequentiallyAsync("Before the drop. ");
            await Expect(page.Locator(".preview")).ToContainTextAsync("Before the drop.");
            await body.PressSequentiallyAsync("Last words."); // cut at once: these may not have reached the server

            offline = true;
            foreach (var (toPage, toServer) in sockets)
            {
                await toServer.CloseAsync();
                await toPage.CloseAsync();
            }
            await Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
            await Task.Delay(TimeSpan.FromSeconds(10));
            offline = false;

            await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(body).ToHaveValueAsync("Before the drop. Last words.");
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Cut off mid sentence");
            await body.PressSequentiallyAsync(" And after.");
            await Expect(page.Locator(".preview")).ToContainTextAsync("Last words. And after."); // the resumed circuit has it all
        });
    }
}
