using Microsoft.Playwright;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// Every stop Tab reaches on a busy page (app bar, drawer links, fields, selects, switch, buttons) shows a solid ring of
/// at least 2 px whose colour has 3:1 contrast with what is behind it, in the light and the dark theme.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class FocusRingE2E(PurrrServer server, BrowserFixture browser)
{
    // For the focused element: its outline, and the contrast of the outline's colour against the first opaque background
    // behind the element (its parent chain), by the WCAG relative-luminance formula.
    private const string RingScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            // A hidden input (switch, checkbox) shows its ring on the visible round button around it.
            const shown = e.matches("input") && getComputedStyle(e).opacity === "0" ? e.closest(".mud-button-root") : e;
            const style = getComputedStyle(shown);
            let back = null;
            for (let p = shown.parentElement; p && !back; p = p.parentElement) {
                const c = rgb(getComputedStyle(p).backgroundColor);
                if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) back = c;
            }
            back ??= [255, 255, 255];
            const [a, b] = [lum(rgb(style.outlineColor)), lum(back)];
            const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const name = (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().slice(0, 40);
            return { Name: name, Style: style.outlineStyle, Width: parseFloat(style.outlineWidth), Contrast: contrast };
        }
        """;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Every_tab_stop_shows_a_ring_with_three_to_one_contrast(ColorScheme scheme)
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var faults = new List<string>();
        var seen = 0;
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            await session.GotoAsync("cats/adopt");
            // Tab from where the page puts focus on arrival (its heading), as a keyboard user does once the page is there.
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
            for (var i = 0; i < 30; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var ring = await page.EvaluateAsync<Ring?>(RingScript);
                if (ring is null)
                    continue;
                seen++;
                if (ring.Style is "none" or "hidden" || ring.Width < 2 || ring.Contrast < 3)
                    faults.Add($"{ring.Name}: {ring.Style} {ring.Width}px, contrast {ring.Contrast:0.0}:1");
            }
            if (faults.Count > 0)
                await session.SaveScreenshotAsync($"focus-ring-{scheme}");
        });
        Assert.True(seen >= 15, $"only {seen} tab stops reached");
        Assert.True(faults.Count == 0, $"Weak focus rings ({scheme}):\n" + string.Join("\n", faults));
        Assert.Empty(session.Errors);
    }

    private sealed class Ring
    {
        public string Name { get; set; } = "";
        public string Style { get; set; } = "";
        public double Width { get; set; }
        public double Contrast { get; set; }
    }
}
