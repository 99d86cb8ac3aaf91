using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Purrr.Tests.Accessibility.KeyboardJourneyE2E;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// Dialogs by keyboard in Chromium: focus goes in when one opens, quick Tab and Shift+Tab presses never leave it for the page
/// behind, Escape closes it, and focus is back on the button that opened it. Both kinds: a page's own MudDialog (Report)
/// and a message box from IDialogService (Delete post).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class DialogKeyboardE2E(PurrrServer server, BrowserFixture browser)
{
    private Task<UserId> RegisterAsync(string userName) =>
        server.InScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().RegisterAsync(
            new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value.Id);

    private static async Task TabsStayInsideAsync(IPage page, ILocator dialog)
    {
        await Expect(dialog).ToBeVisibleAsync();
        foreach (var key in Enumerable.Repeat("Tab", 9).Concat(Enumerable.Repeat("Shift+Tab", 9)))
        {
            await page.Keyboard.PressAsync(key);
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"),
                $"{key} left the dialog for {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120)")}");
        }
    }

    [Fact]
    public async Task The_report_dialog_keeps_focus_inside_closes_on_escape_and_gives_focus_back_to_its_button()
    {
        var (author, reader) = (Names.Unique("auth"), Names.Unique("read"));
        var authorId = await RegisterAsync(author);
        await RegisterAsync(reader);
        var post = await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().AddPostAsync(authorId, $"Sunny windowsill {author[^4..]}", "The best spot in the house."));

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignInAsync(reader);
            await session.GotoAsync($"community/posts/{post.Slug}");
            var report = page.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true });
            await TabToAsync(page, report);
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Report this post" });
            await Expect(dialog).ToBeVisibleAsync();
            Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "focus moves into the dialog when it opens");
            await TabsStayInsideAsync(page, dialog);

            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(report).ToBeFocusedAsync();
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_delete_question_keeps_focus_inside_closes_on_escape_without_deleting_and_gives_focus_back()
    {
        var author = Names.Unique("dele");
        var authorId = await RegisterAsync(author);
        var title = $"Keep me {author[^4..]}";
        var post = await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().AddPostAsync(authorId, title, "A post worth keeping."));

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignInAsync(author);
            await session.GotoAsync("community/mine?show=published");
            var delete = page.GetByRole(AriaRole.Button, new() { Name = $"Delete {title}" });
            await TabToAsync(page, delete);
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete this post?" });
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToBeFocusedAsync();
            await TabsStayInsideAsync(page, dialog);

            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(delete).ToBeFocusedAsync();
        });
        Assert.Empty(session.Errors);
        var status = await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Posts.Where(p => p.Id == post.Id).Select(p => p.Status).SingleAsync());
        Assert.Equal(PostStatus.Published, status);
    }
}
