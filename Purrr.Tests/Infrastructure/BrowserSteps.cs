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
        await page.WaitForURLAsync("**/cats");
        await session.WaitForCircuitAsync();
    }

    public static async Task SignInAsync(this BrowserSession session, string userName, string password = Password)
    {
        await session.GotoAsync("Account/Login", interactive: false);
        var page = session.Page;
        await page.GetByLabel("Username or email").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/cats");
        await session.WaitForCircuitAsync();
    }

    /// <summary>Adopts a cat from the adoption page and lands on its page.</summary>
    public static async Task AdoptAsync(this BrowserSession session, string name, string breed)
    {
        var page = session.Page;
        await session.GotoAsync("cats/adopt");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Breed").ClickAsync();
        await page.GetByText(breed, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }).ClickAsync();
        await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The number shown for a stat on the cat page.</summary>
    public static ILocator Stat(this IPage page, string name) =>
        page.Locator(".purrr-stat").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).Locator(".purrr-stat-value");
}
