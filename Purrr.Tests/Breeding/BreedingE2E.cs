using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Genetics;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Breeding;

/// <summary>Breeding two demo cats in Chromium, with the server's clock moved past the pregnancy.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class BreedingE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Luna_breeds_Mochi_and_Shadow_and_their_kittens_arrive_with_their_parents_genes()
    {
        // Arrange: enough coins for several attempts, so an unlucky roll can't end the test.
        var luna = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var player = await db.Players.FirstAsync(p => p.UserName == "luna");
            db.LedgerEntries.Add(Wallet.Credit(player, 2_000, LedgerReason.WelcomeGift, "test top-up", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return player.Id;
        });

        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignInAsync("luna", DemoWorld.PlayerPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Breeding", Exact = true }).First.ClickAsync();
            await session.WaitForRouteAsync("**/breeding");

            await page.GetByLabel("Mother").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Mochi") }).ClickAsync();
            await page.GetByLabel("Father").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^Shadow") }).ClickAsync();
            await Expect(page.GetByText("What the kittens may look like")).ToBeVisibleAsync();
            await Expect(page.GetByText(new Regex("^Chance of kittens:"))).ToBeVisibleAsync();
            await session.SaveScreenshotAsync("breeding-preview");

            var breed = page.GetByRole(AriaRole.Button, new() { Name = "Breed for 100 coins" });
            var breedAgain = page.Locator("button:not([disabled])", new() { HasText = "Breed for 100 coins" });
            var expecting = page.GetByRole(AriaRole.List, new() { Name = "Kittens on the way" }).GetByRole(AriaRole.Listitem)
                .Filter(new() { HasTextRegex = new Regex(@"Mochi and Shadow:\s+kittens in") });
            var coins = 2_500L;
            for (var attempt = 0; attempt < 15; attempt++)
            {
                await breed.ClickAsync();
                coins -= 100;
                await Expect(page.GetByLabel($"{coins:N0} coins")).ToBeVisibleAsync(); // paid: the attempt happened
                await Expect(expecting.Or(breedAgain)).ToBeVisibleAsync(); // kittens on the way, or free to try again
                if (await expecting.IsVisibleAsync())
                    break;
            }
            await Expect(expecting).ToBeVisibleAsync();

            // Two hours pass; the kittens appear in "My cats" without a reload.
            await page.GetByRole(AriaRole.Link, new() { Name = "Cats", Exact = true }).ClickAsync();
            await session.WaitForRouteAsync("**/cats");
            var cards = page.Locator(".purrr-cat-card");
            await Expect(cards).ToHaveCountAsync(3);
            server.ShiftedClock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
            await Expect(cards).Not.ToHaveCountAsync(3, new() { Timeout = 20_000 });

            // The newest card is a kitten: generation 1, Mochi and Shadow in its family, its portrait from its genes.
            await cards.Last.ClickAsync();
            await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
            await Expect(page.GetByText("Generation 1")).ToBeVisibleAsync();
            var family = page.GetByRole(AriaRole.Group, new() { Name = "Family tree" });
            await Expect(family.GetByRole(AriaRole.Figure, new() { Name = "Mother", Exact = true }).GetByRole(AriaRole.Link)).ToHaveAccessibleNameAsync(new Regex("^Mochi: "));
            await Expect(family.GetByRole(AriaRole.Figure, new() { Name = "Father", Exact = true }).GetByRole(AriaRole.Link)).ToHaveAccessibleNameAsync(new Regex("^Shadow: "));

            var kittenId = new CatId(Guid.Parse(page.Url[^36..]));
            var (kitten, mother, father) = await server.InScopeAsync(async sp =>
            {
                var cats = sp.GetRequiredService<CatService>();
                var k = (await cats.GetProfileAsync(kittenId, luna))!;
                return (k, (await cats.GetProfileAsync(k.MotherId!.Value, luna))!, (await cats.GetProfileAsync(k.FatherId!.Value, luna))!);
            });
            Assert.Equal(("Mochi", "Shadow"), (mother.Name, father.Name));
            Assert.True(mother.Genome.Color.Has(kitten.Genome.Color.First) || Loci.Color.IsRare(kitten.Genome.Color.First));
            Assert.True(father.Genome.Color.Has(kitten.Genome.Color.Second) || Loci.Color.IsRare(kitten.Genome.Color.Second));
            Assert.True(mother.Genome.WhiteSpotting.Has(kitten.Genome.WhiteSpotting.First) || Loci.WhiteSpotting.IsRare(kitten.Genome.WhiteSpotting.First));
            Assert.True(father.Genome.EyeColor.Has(kitten.Genome.EyeColor.Second) || Loci.EyeColor.IsRare(kitten.Genome.EyeColor.Second));
            var portrait = page.GetByRole(AriaRole.Img, new() { Name = $"{kitten.Name}: {Phenotype.Of(kitten.Genome).Describe()}", Exact = true });
            await Expect(portrait.First).ToBeVisibleAsync();
            await session.SaveScreenshotAsync("kitten-page");

            Assert.Empty(session.Errors);
        });
    }
}
