using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Games;

/// <summary>A whole game of Paw Match in Chromium, played from memory like a person would.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PawMatchE2E(PurrrServer server, BrowserFixture browser)
{
    private static readonly Regex CardLabel = new("^Card (\\d+), (.+)$");

    [Fact]
    public async Task A_player_plays_a_full_game_from_memory_and_sees_the_prize_in_the_wallet()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("game"));
            await session.AdoptAsync("Whiskers", "Siamese");
            await session.GotoAsync("games/paw-match");
            await page.GetByRole(AriaRole.Button, new() { Name = "25 coins" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start game" }).ClickAsync();
            var board = page.GetByRole(AriaRole.Grid, new() { Name = "Paw Match board" });
            await Expect(board).ToBeVisibleAsync();

            var seen = new Dictionary<int, string>();
            var found = new HashSet<int>();

            // The last flip of the game ends it: the board gives way to the result, so there is no face to read.
            async Task<string> FlipAsync(int card, bool endsGame = false)
            {
                await board.GetByRole(AriaRole.Button, new() { Name = $"Card {card}, face down", Exact = true }).ClickAsync();
                if (endsGame)
                    return "";
                var face = board.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Card {card}, (?!face down)") });
                await Expect(face).ToBeVisibleAsync();
                var symbol = CardLabel.Match((await face.GetAttributeAsync("aria-label"))!).Groups[2].Value;
                seen[card] = symbol;
                return symbol;
            }

            async Task WaitUntilFaceDownAsync(params int[] cards)
            {
                foreach (var card in cards)
                    await Expect(board.GetByRole(AriaRole.Button, new() { Name = $"Card {card}, face down", Exact = true })).ToBeEnabledAsync();
            }

            while (found.Count < 16)
            {
                var knownPair = seen.Where(s => !found.Contains(s.Key)).GroupBy(s => s.Value).FirstOrDefault(g => g.Count() == 2);
                if (knownPair is not null)
                {
                    var (a, b) = (knownPair.First().Key, knownPair.Last().Key);
                    await FlipAsync(a);
                    await FlipAsync(b, endsGame: found.Count == 14);
                    found.UnionWith([a, b]);
                    continue;
                }
                var first = Enumerable.Range(1, 16).First(c => !seen.ContainsKey(c));
                var symbol = await FlipAsync(first);
                var partner = seen.FirstOrDefault(s => s.Key != first && s.Value == symbol && !found.Contains(s.Key)).Key;
                var second = partner != 0 ? partner : Enumerable.Range(1, 16).First(c => !seen.ContainsKey(c));
                if (found.Count == 14)
                {
                    await FlipAsync(second, endsGame: true); // the last two cards are the last pair
                    found.UnionWith([first, second]);
                }
                else if (await FlipAsync(second) == symbol)
                    found.UnionWith([first, second]);
                else
                    await WaitUntilFaceDownAsync(first, second);
            }

            await Expect(page.GetByText(new Regex("Whiskers found every pair! Score \\d+: you won \\d+ coins\\."))).ToBeVisibleAsync();
            var prize = int.Parse(Regex.Match(await page.GetByText(new Regex("you won \\d+ coins")).InnerTextAsync(), "you won (\\d+)").Groups[1].Value);
            Assert.InRange(prize, 30, 50); // 1.2× to 2× the 25-coin fee
            await session.SaveScreenshotAsync("paw-match-won");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("coins$") }).ClickAsync();
            await session.WaitForRouteAsync("**/wallet");
            var history = page.GetByRole(AriaRole.Table, new() { Name = "Coin history" });
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Paw Match prize" })).ToContainTextAsync($"+{prize}");
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "Paw Match entry fee" })).ToContainTextAsync("−25");
            await Expect(page.GetByTestId("balance")).ToHaveTextAsync($"{500 - 25 + prize}");
        });
    }
}
