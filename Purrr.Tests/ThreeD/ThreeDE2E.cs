using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.ThreeD;

/// <summary>The 3D views in Chromium (WebGL through SwiftShader): drawn, clicked, left and revisited, and VR when offered.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ThreeDE2E(PurrrServer server, BrowserFixture browser)
{
    /// <summary>A solid red short-hair: red fur everywhere, easy to find among the room's colours.</summary>
    private const string RedCat = "O/O D/D t/t s/s Cu/Cu L/L";

    private async Task<(string UserName, CatId Cat, string CatName)> PlayerWithRedCatAsync(string prefix)
    {
        var userName = Names.Unique(prefix);
        var catName = $"Ember{userName[^4..]}";
        var cat = (await server.RegisterPlayerWithCatsAsync(userName, ACat.Playful().Named(catName).WithGenome(RedCat).WithHappiness(40))).Single().Id;
        return (userName, cat, catName);
    }

    private Task<int> StoredHappinessAsync(CatId cat) =>
        server.InScopeAsync(async sp => (await sp.GetRequiredService<PurrrDbContext>().Cats.AsNoTracking().SingleAsync(c => c.Id == cat)).Stats.Happiness);

    private static ILocator Scene(BrowserSession session) => session.Page.Locator(".purrr-cat-scene[data-ready='true'] canvas");

    private static async Task OpenThreeDTabAsync(BrowserSession session)
    {
        await session.Page.GetByRole(AriaRole.Tab, new() { Name = "3D", Exact = true }).ClickAsync();
        await Expect(Scene(session)).ToBeVisibleAsync();
    }

    /// <summary>
    /// Reads the canvas back: how many pixels differ from the background, and the canvas point (CSS pixels) nearest its
    /// middle whose colour is within <paramref name="tolerance"/> of <paramref name="hex"/>, if any.
    /// </summary>
    private static async Task<(int Drawn, double[]? Near)> ReadBackAsync(BrowserSession session, string hex, int tolerance)
    {
        var result = await Scene(session).EvaluateAsync<JsonElement>("""
            (canvas, [hex, tolerance]) => {
              const copy = document.createElement("canvas");
              copy.width = canvas.width; copy.height = canvas.height;
              const g = copy.getContext("2d");
              g.drawImage(canvas, 0, 0);
              const data = g.getImageData(0, 0, copy.width, copy.height).data;
              const want = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
              const background = [data[0], data[1], data[2]];
              let drawn = 0, best = null, bestDistance = Infinity;
              for (let i = 0; i < data.length; i += 4) {
                const rgb = [data[i], data[i + 1], data[i + 2]];
                if (rgb.some((v, k) => Math.abs(v - background[k]) > 8)) drawn++;
                if (rgb.every((v, k) => Math.abs(v - want[k]) <= tolerance)) {
                  const x = (i / 4) % copy.width, y = Math.floor(i / 4 / copy.width);
                  const distance = Math.hypot(x - copy.width / 2, y - copy.height / 2);
                  if (distance < bestDistance) { bestDistance = distance; best = [x, y]; }
                }
              }
              const scale = canvas.clientWidth / canvas.width;
              return { drawn, near: best && [best[0] * scale, best[1] * scale] };
            }
            """, new object[] { hex, tolerance });
        var near = result.GetProperty("near");
        return (result.GetProperty("drawn").GetInt32(), near.ValueKind == JsonValueKind.Null ? null : [near[0].GetDouble(), near[1].GetDouble()]);
    }

    [Fact]
    public async Task The_3D_tab_draws_the_cat_in_its_coat_colour_and_petting_it_raises_happiness_on_the_page_and_in_the_database()
    {
        var (userName, cat, catName) = await PlayerWithRedCatAsync("ember");
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(userName);
            await session.GotoAsync($"cats/{cat.Value}");
            await OpenThreeDTabAsync(session);
            await session.Page.WaitForTimeoutAsync(500); // a few frames

            var fur = Appearance.Of(Genomes.AGenome(RedCat)).Fur;
            var (drawn, near) = await ReadBackAsync(session, fur, tolerance: 40);
            var canvasBox = (await Scene(session).BoundingBoxAsync())!;
            Assert.True(drawn > canvasBox.Width * canvasBox.Height * 0.2, $"Only {drawn} pixels differ from the background.");
            Assert.NotNull(near); // somewhere the coat's red shows
            await session.SaveScreenshotAsync("3d-cat-tab");

            // Happiness drifts with time since the cat was made, so compare with what the page showed just before.
            var shown = session.Page.Locator(".purrr-cat-scene .purrr-stat-value");
            var before = int.Parse(await shown.TextContentAsync() ?? "");
            await Scene(session).ClickAsync(new() { Position = new() { X = (float)near[0], Y = (float)near[1] } });

            await Expect(session.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{catName} is spotless and shiny." })).ToBeVisibleAsync();
            await Expect(shown).ToHaveTextAsync($"{before + Cat.GroomHappiness}");
            Assert.Equal(before + Cat.GroomHappiness, await StoredHappinessAsync(cat));

            // Again at once: the care cooldown refuses it, as the Groom button would; nothing changes.
            await Scene(session).ClickAsync(new() { Position = new() { X = (float)near[0], Y = (float)near[1] } });
            await Expect(session.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{catName} needs a break from that" })).ToBeVisibleAsync();
            await Expect(shown).ToHaveTextAsync($"{before + Cat.GroomHappiness}");
            Assert.Equal(before + Cat.GroomHappiness, await StoredHappinessAsync(cat));
            Assert.Empty(session.Errors);
        });
    }

    [Fact]
    public async Task Going_to_another_page_and_back_to_the_3D_tab_five_times_leaves_no_browser_errors()
    {
        var (userName, cat, catName) = await PlayerWithRedCatAsync("hops");
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(userName);
            await session.GotoAsync($"cats/{cat.Value}");
            for (var visit = 0; visit < 5; visit++)
            {
                await OpenThreeDTabAsync(session);
                await session.Page.GetByRole(AriaRole.Link, new() { Name = "Cats", Exact = true }).ClickAsync();
                await session.WaitForRouteAsync("**/cats");
                await Expect(session.Page.Locator("canvas")).ToHaveCountAsync(0); // the scene and its canvas are gone
                await session.Page.GetByRole(AriaRole.Link).Filter(new() { HasText = catName }).First.ClickAsync();
                await session.WaitForRouteAsync($"**/cats/{cat.Value}");
            }
            await OpenThreeDTabAsync(session);
            await Expect(session.Page.Locator("canvas")).ToHaveCountAsync(1);
            Assert.Empty(session.Errors);
        });
    }

    [Fact]
    public async Task Without_WebXR_there_is_no_VR_button_and_a_browser_offering_VR_gets_one_that_requests_a_session()
    {
        var (userName, cat, _) = await PlayerWithRedCatAsync("vr");
        await using var plain = await BrowserSession.OpenAsync(browser, server);
        await using var headset = await BrowserSession.OpenAsync(browser, server);
        await plain.Page.AddInitScriptAsync("delete Navigator.prototype.xr;");
        await headset.Page.AddInitScriptAsync("""
            Object.defineProperty(Navigator.prototype, "xr", { configurable: true, get: () => ({
              isSessionSupported: async mode => mode === "immersive-vr",
              requestSession: mode => { window.requestedXrSession = mode; return new Promise(() => {}); },
            }) });
            """);
        await headset.RunAsync(async () =>
        {
            foreach (var session in new[] { plain, headset })
            {
                await session.SignInAsync(userName);
                await session.GotoAsync($"cats/{cat.Value}");
                await OpenThreeDTabAsync(session);
            }

            Assert.False(await plain.Page.EvaluateAsync<bool>("'xr' in navigator"));
            await Expect(headset.Page.GetByRole(AriaRole.Button, new() { Name = "Enter VR" })).ToBeVisibleAsync();
            await Expect(plain.Page.GetByRole(AriaRole.Button, new() { Name = "Enter VR" })).ToHaveCountAsync(0);

            await headset.Page.GetByRole(AriaRole.Button, new() { Name = "Enter VR" }).ClickAsync();
            await headset.Page.WaitForFunctionAsync("window.requestedXrSession === 'immersive-vr'");
            Assert.Empty(plain.Errors);
            Assert.Empty(headset.Errors);
        });
    }

    [Fact]
    public async Task Without_WebGL_the_3D_tab_shows_the_portrait_and_says_why()
    {
        var (userName, cat, catName) = await PlayerWithRedCatAsync("flat");
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.Page.AddInitScriptAsync("""
            const getContext = HTMLCanvasElement.prototype.getContext;
            HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
              return /webgl/i.test(kind) ? null : getContext.call(this, kind, ...rest);
            };
            """);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(userName);
            await session.GotoAsync($"cats/{cat.Value}");
            await session.Page.GetByRole(AriaRole.Tab, new() { Name = "3D", Exact = true }).ClickAsync();

            await Expect(session.Page.GetByRole(AriaRole.Note)).ToContainTextAsync($"This browser can't draw 3D (WebGL is off or missing), so here is {catName}'s portrait instead.");
            await Expect(session.Page.Locator(".purrr-cat-scene svg.cat-portrait")).ToBeVisibleAsync();
            await Expect(session.Page.Locator("canvas")).ToHaveCountAsync(0);
            Assert.Empty(session.Errors);
        });
    }


    private sealed record DrawnCat(string Name, int X, int Y, JsonElement Drawn);

    /// <summary>The cats the 3D room draws: where the server put them and where they are drawn now (room units).</summary>
    private static async Task<IReadOnlyList<DrawnCat>> CatsIn3DAsync(BrowserSession session) =>
        (await session.Page.Locator(".purrr-room-scene[data-ready='true'] .canvas-host").EvaluateAsync<JsonElement>("host => host.purrrCats()"))
        .EnumerateArray().Select(c => new DrawnCat(c.GetProperty("name").GetString()!, c.GetProperty("x").GetInt32(), c.GetProperty("y").GetInt32(), c.GetProperty("drawn")))
        .ToList();

    private static async Task WaitUntilDrawnAsync(BrowserSession session, string catName, string x, string y)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            var cat = (await CatsIn3DAsync(session)).FirstOrDefault(c => c.Name == catName);
            if (cat is not null && $"{cat.X}" == x && $"{cat.Y}" == y && $"{cat.Drawn.GetProperty("x").GetInt32()}" == x && $"{cat.Drawn.GetProperty("y").GetInt32()}" == y)
                return;
            await session.Page.WaitForTimeoutAsync(150);
        }
        Assert.Fail($"{catName} was never drawn at {x}, {y} in 3D: {JsonSerializer.Serialize(await CatsIn3DAsync(session))}");
    }

    private static ILocator CatOnFloor(BrowserSession session, string catName) => session.Page.Locator($"g.cat[data-cat='{catName}']");

    [Fact]
    public async Task A_live_room_in_3D_shows_the_other_cats_walk_and_a_floor_click_walks_your_own()
    {
        var (nameA, _, catA) = await PlayerWithRedCatAsync("rooma");
        var (nameB, _, catB) = await PlayerWithRedCatAsync("roomb");
        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await a.RunAsync(async () =>
        {
            await a.JoinPartyRoomAsync(nameA);
            await b.JoinPartyRoomAsync(nameB);
            Assert.Equal(a.Page.Url, b.Page.Url);

            await a.Page.GetByRole(AriaRole.Button, new() { Name = "3D", Exact = true }).ClickAsync();
            await Expect(a.Page.GetByRole(AriaRole.Button, new() { Name = "3D", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(a.Page.Locator(".purrr-room-scene[data-ready='true'] canvas")).ToBeVisibleAsync();
            foreach (var cat in new[] { catA, catB })
                await WaitUntilDrawnAsync(a, cat, (await CatOnFloor(b, cat).GetAttributeAsync("data-x"))!, (await CatOnFloor(b, cat).GetAttributeAsync("data-y"))!);
            await a.SaveScreenshotAsync("3d-room");

            // B walks on the 2D floor: A sees B's cat walk there in 3D.
            var before = await CatOnFloor(b, catB).GetAttributeAsync("data-x");
            await b.Page.GetByRole(AriaRole.Application).ClickAsync(new() { Position = new() { X = 500, Y = 200 } });
            await Expect(CatOnFloor(b, catB)).Not.ToHaveAttributeAsync("data-x", before!);
            await WaitUntilDrawnAsync(a, catB, (await CatOnFloor(b, catB).GetAttributeAsync("data-x"))!, (await CatOnFloor(b, catB).GetAttributeAsync("data-y"))!);

            // A clicks the 3D floor near the front left: A's cat walks there, as B sees on the 2D floor.
            var beforeA = await CatOnFloor(b, catA).GetAttributeAsync("data-x");
            var canvas = a.Page.Locator(".purrr-room-scene canvas");
            var box = (await canvas.BoundingBoxAsync())!;
            await canvas.ClickAsync(new() { Position = new() { X = box.Width * 0.3f, Y = box.Height * 0.8f } });
            await Expect(CatOnFloor(b, catA)).Not.ToHaveAttributeAsync("data-x", beforeA!);
            await WaitUntilDrawnAsync(a, catA, (await CatOnFloor(b, catA).GetAttributeAsync("data-x"))!, (await CatOnFloor(b, catA).GetAttributeAsync("data-y"))!);

            // Back to 2D and again to 3D: the old scene is gone, the new one draws everyone.
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "2D", Exact = true }).ClickAsync();
            await Expect(a.Page.Locator("canvas")).ToHaveCountAsync(0);
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "3D", Exact = true }).ClickAsync();
            await WaitUntilDrawnAsync(a, catB, (await CatOnFloor(b, catB).GetAttributeAsync("data-x"))!, (await CatOnFloor(b, catB).GetAttributeAsync("data-y"))!);
            Assert.Empty(a.Errors);
            Assert.Empty(b.Errors);
        });
    }
}
