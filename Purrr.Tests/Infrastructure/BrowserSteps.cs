using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Infrastructure;

/// <summary>What a player does often, the way they do it: by labels and button names.</summary>
public static class BrowserSteps
{
    public const string Password = "e2e-password";

    public static async Task SignUpAsync(this BrowserSession session, string userName)
    {
        await session.GotoAsync("Account/Register", interactive: false);
        var page = session.Page;
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Email").FillAsync($"{userName}@example.test");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await session.WaitForRouteAsync("**/cats");
        await session.WaitForCircuitAsync();
    }

    /// <summary>Signs in and joins a party room from the rooms page (the player's first available cat goes in).</summary>
    public static async Task JoinPartyRoomAsync(this BrowserSession session, string userName)
    {
        await session.SignInAsync(userName);
        await session.GotoAsync("rooms");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Join party room" }).ClickAsync();
        await session.WaitForRouteAsync(new Regex("/rooms/party-room-\\d+$"));
    }

    public static async Task SignInAsync(this BrowserSession session, string userName, string password = Password)
    {
        await session.GotoAsync("Account/Login", interactive: false);
        await session.Page.SubmitSignInAsync(userName, password);
        await session.WaitForRouteAsync("**/cats");
        await session.WaitForCircuitAsync();
    }

    /// <summary>Fills in and sends the sign-in form already on the page (e.g. one reached with a return URL).</summary>
    public static async Task SubmitSignInAsync(this IPage page, string userName, string password = Password)
    {
        await page.GetByLabel("Username or email").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Adopts a cat from the adoption page and lands on its page.</summary>
    public static async Task AdoptAsync(this BrowserSession session, string name, string breed)
    {
        var page = session.Page;
        await session.GotoAsync("cats/adopt");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Breed").ClickAsync();
        await page.GetByText(breed, new() { Exact = true }).ClickAsync();
        // The description shows once the circuit has the breed; an Adopt click sent before that adopts nothing.
        var description = Purrr.Core.Cats.Breeds.All.Single(b => b.Name == breed).Description;
        await Expect(page.GetByText(description, new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }).ClickAsync();
        await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The number shown for a stat on the cat page.</summary>
    public static ILocator Stat(this IPage page, string name) =>
        page.Locator(".purrr-stat").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).Locator(".purrr-stat-value");
}
