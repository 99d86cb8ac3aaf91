using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Purrr.Tests.Infrastructure;

/// <summary>
/// One player's browser tab on the test server. Collects browser errors and, when a test fails,
/// saves a screenshot under TestResults/screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private BrowserSession(IBrowserContext context, IPage page, string baseUrl)
    {
        this.context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add(message.Text);
        };
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>Errors the page reported (uncaught exceptions, console errors).</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>A new tab whose browser reports <paramref name="timeZone"/> (an IANA id), which sign-up stores as the player's.</summary>
    public static Task<BrowserSession> OpenAsync(BrowserFixture browser, PurrrServer server, string timeZone = "Europe/Paris") =>
        OpenAsync(browser, server.BaseUrl, timeZone);

    /// <summary>A new tab on the app at <paramref name="baseUrl"/> (e.g. one of several instances).</summary>
    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, string baseUrl, string timeZone = "Europe/Paris")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = timeZone,
        });
        // Generous waits: a cold CI machine can be several times slower than a warm laptop.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), baseUrl);
    }

    /// <summary>A new tab on a 360×740 touch phone (touch events, mobile viewport), for the mobile and touch tests.</summary>
    public static async Task<BrowserSession> OpenPhoneAsync(BrowserFixture browser, PurrrServer server, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            HasTouch = true,
            IsMobile = true,
            ColorScheme = colorScheme,
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), server.BaseUrl);
    }

    /// <summary>Goes to a page and, for interactive pages, waits until its circuit is live (a click before that is lost).</summary>
    public async Task GotoAsync(string path, bool interactive = true)
    {
        await Page.GotoAsync(path);
        if (interactive)
            await WaitForCircuitAsync();
    }

    /// <summary>
    /// Waits for an in-app navigation (a route change inside the live circuit). Those are history updates, not page
    /// loads, and a navigation event that lands before a waiter is registered is missed, so this polls the URL instead.
    /// </summary>
    public Task WaitForRouteAsync(string glob) =>
        WaitForRouteAsync(new System.Text.RegularExpressions.Regex(
            System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$"));

    public Task WaitForRouteAsync(System.Text.RegularExpressions.Regex pattern) =>
        Assertions.Expect(Page).ToHaveURLAsync(pattern, new() { Timeout = 30_000 });

    /// <summary>The layout marks itself once rendered over the live circuit.</summary>
    public Task WaitForCircuitAsync() =>
        Page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Keeps a picture of the page as it is now, for people reviewing the run.</summary>
    public async Task SaveScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>Runs a test body; on failure keeps a screenshot of the page for the report.</summary>
    public async Task RunAsync(Func<Task> body, [CallerMemberName] string testName = "")
    {
        try
        {
            await body();
        }
        catch
        {
            await SaveScreenshotAsync($"FAILED-{testName}");
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
