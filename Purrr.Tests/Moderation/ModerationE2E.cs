using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Moderation;

/// <summary>
/// Player B reports player A and A's post; a fresh admin finds both in the moderation queue, removes the post and
/// suspends A in one go; the audit log shows it and A sees the suspension banner at once.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ModerationE2E(PurrrServer server, BrowserFixture browser)
{
    private Task<UserId> RegisterAsync(string userName, string? role = null) =>
        server.InScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            if (role is not null)
                await sp.GetRequiredService<UserManager<PurrrUser>>().AddToRoleAsync(user, role);
            return user.Id;
        });

    [Fact]
    public async Task A_report_reaches_the_admin_who_removes_the_post_and_suspends_the_author_and_the_author_sees_why()
    {
        var (nameA, nameB, nameAdmin) = (Names.Unique("ana"), Names.Unique("ben"), Names.Unique("adm"));
        var a = await RegisterAsync(nameA);
        var b = await RegisterAsync(nameB);
        await RegisterAsync(nameAdmin, Roles.Admin);
        var title = $"Cheap cat food {nameA[^4..]}";
        var post = await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().AddPostAsync(a, title, "Buy my cat food, best prices anywhere."));
        // The post page is built elsewhere: the post is reported through the service its Report button calls.
        var reported = await server.Services.GetRequiredService<ReportService>().ReportAsync(b, ModerationTarget.Post(post.Id), ReportReasons.Spam, "Ads in every post.");
        Assert.True(reported.Succeeded, reported.FirstMessage);

        await using var author = await BrowserSession.OpenAsync(browser, server);
        await using var reporter = await BrowserSession.OpenAsync(browser, server);
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await admin.RunAsync(async () =>
        {
            await author.SignInAsync(nameA);
            await Expect(author.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "suspended" })).ToHaveCountAsync(0);

            // B reports A from A's profile.
            await reporter.SignInAsync(nameB);
            await reporter.GotoAsync($"players/{nameA}");
            await reporter.Page.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true }).ClickAsync();
            var dialog = reporter.Page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = $"Report @{nameA}" })).ToBeVisibleAsync();
            await dialog.GetByText(ReportReasons.Harassment, new() { Exact = true }).ClickAsync();
            await dialog.GetByRole(AriaRole.Textbox).FillAsync("Insults in the lounge chat.");
            await reporter.SaveScreenshotAsync("moderation-report-dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
            await Expect(reporter.Page.GetByText("Thank you. A moderator will look at your report.")).ToBeVisibleAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            // The admin finds both reports in the queue.
            await admin.SignInAsync(nameAdmin);
            await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
            await admin.WaitForRouteAsync("**/admin/moderation");
            var postCard = admin.Page.GetByRole(AriaRole.Article).Filter(new() { Has = admin.Page.GetByRole(AriaRole.Heading, new() { Name = title }) });
            var userCard = admin.Page.GetByRole(AriaRole.Article).Filter(new() { Has = admin.Page.GetByRole(AriaRole.Heading, new() { Name = $"{nameA} (@{nameA})" }) });
            await Expect(postCard).ToContainTextAsync("Ads in every post.");
            await Expect(userCard).ToContainTextAsync("Insults in the lounge chat.");
            await admin.SaveScreenshotAsync("moderation-queue");

            // Remove the post, and suspend its author for 7 days in the same decision.
            await postCard.GetByRole(AriaRole.Button, new() { Name = "Remove post" }).ClickAsync();
            var decision = admin.Page.GetByRole(AriaRole.Dialog);
            await Expect(decision.GetByRole(AriaRole.Heading, new() { Name = "Remove this post" })).ToBeVisibleAsync();
            await decision.GetByText("No sanction").ClickAsync();
            await admin.Page.GetByRole(AriaRole.Option, new() { Name = "Suspend for 7 days" }).ClickAsync();
            await decision.GetByRole(AriaRole.Textbox).FillAsync("Advertising is not allowed in the community.");
            await admin.SaveScreenshotAsync("moderation-remove-dialog");
            await decision.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
            await Expect(admin.Page.GetByText($"Post removed. @{nameA} is suspended for 7 days.")).ToBeVisibleAsync();
            await Expect(postCard).ToHaveCountAsync(0);
            await Expect(userCard).ToHaveCountAsync(0); // the suspension also settles the report on A

            // A sees why and until when, without reloading.
            var banner = author.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You are suspended until" });
            await Expect(banner).ToBeVisibleAsync();
            await Expect(banner).ToContainTextAsync("Advertising is not allowed in the community.");
            await author.SaveScreenshotAsync("moderation-suspension-banner");

            // The audit log has both actions, by the admin.
            await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).First.ClickAsync();
            await admin.WaitForRouteAsync("**/admin/audit");
            var rows = admin.Page.GetByRole(AriaRole.Row);
            await Expect(rows.Filter(new() { HasText = "Removed a post" })).ToContainTextAsync($"@{nameAdmin}");
            await Expect(rows.Filter(new() { HasText = "Removed a post" })).ToContainTextAsync(title);
            await Expect(rows.Filter(new() { HasText = "Suspended a user" }).First).ToContainTextAsync($"@{nameA}");
            await Expect(rows.Filter(new() { HasText = "Suspended a user" }).First).ToContainTextAsync("For 7 days: Advertising is not allowed in the community. (1 report closed)");
            await admin.SaveScreenshotAsync("moderation-audit-log");

            Assert.Equal(PostStatus.Removed, (await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Posts.FirstAsync(p => p.Id == post.Id))).Status);
            Assert.Empty(author.Errors);
            Assert.Empty(reporter.Errors);
            Assert.Empty(admin.Errors);
        });
    }

    [Fact]
    public async Task A_player_types_a_word_in_the_app_bar_search_and_sees_the_post_with_the_word_highlighted()
    {
        var (nameA, nameB) = (Names.Unique("ivy"), Names.Unique("ned"));
        var a = await RegisterAsync(nameA);
        await RegisterAsync(nameB);
        var word = $"zebrafish{nameA[^6..]}";
        var title = $"Aquarium night {nameA[^4..]}";
        await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().AddPostAsync(a, title, $"Our cat watched the {word} for an hour, tail twitching."));

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(nameB);
            var box = session.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search posts and players" });
            await box.FillAsync(word);
            await box.PressAsync("Enter");
            await session.WaitForRouteAsync(new Regex($"/search\\?q={word}$"));

            var results = session.Page.GetByRole(AriaRole.List, new() { Name = "Posts found" });
            await Expect(results.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
            await Expect(results.Locator("mark")).ToHaveTextAsync(word);
            await Expect(session.Page.GetByRole(AriaRole.Tab, new() { Name = "Posts (1)" })).ToBeVisibleAsync();
            await session.SaveScreenshotAsync("search-results");

            // The author is found as a player too.
            await box.FillAsync(nameA);
            await box.PressAsync("Enter");
            await session.Page.GetByRole(AriaRole.Tab, new() { Name = "Players (1)" }).ClickAsync();
            await Expect(session.Page.GetByRole(AriaRole.List, new() { Name = "Players found" }).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"players/{nameA}");
            Assert.Empty(session.Errors);
        });
    }
}
