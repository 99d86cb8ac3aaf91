using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Moderation;

namespace Purrr.Tests.Moderation;

[Trait("Category", "Component")]
public sealed class ModerationPageTests : ServiceTestBase
{
    private UserId ana, ben, mod;

    private async Task<(BunitContext Context, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ModerationPage> Page)> OpenAsync()
    {
        var context = ComponentTestContext.Create(Database, (mod, "mod"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<ModerationPage>();
        return (context, dialogs, page);
    }

    private async Task<Post> ReportedPostAsync()
    {
        (ana, ben, mod) = (await NewPlayerAsync("ana"), await NewPlayerAsync("ben"), await NewPlayerAsync("mod"));
        var post = await Database.AddPostAsync(ana, "Cheap food here", "Buy it now.");
        Assert.True((await new ReportService(Database.Factory, Clock, Bus).ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Spam, "Ads again.")).Succeeded);
        return post;
    }

    private static IElement Card(IRenderedComponent<ModerationPage> page, string title) =>
        page.FindAll("article.purrr-queue-item").Single(a => a.QuerySelector("h3")!.TextContent.Contains(title));

    private static IElement Button(IElement scope, string name) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == name);

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.NewContext();
        return await db.AuditLog.ToListAsync();
    }

    [Fact]
    public async Task The_queue_shows_the_reported_post_its_reporter_reason_and_details()
    {
        await ReportedPostAsync();
        var (context, _, page) = await OpenAsync();
        await using var _ = context;

        var card = Card(page, "Cheap food here");

        Assert.Contains("Reports (1)", page.Markup);
        Assert.Contains("Buy it now.", card.TextContent);
        Assert.Matches(@"By\s+ana \(@ana\)", card.TextContent);
        var report = card.QuerySelector("ul[aria-label=Reports] li")!.TextContent;
        Assert.Contains(ReportReasons.Spam, report);
        Assert.Contains("@ben", report);
        Assert.Contains("Ads again.", report);
    }

    [Fact]
    public async Task Removing_asks_for_a_reason_starting_from_the_reports_and_the_post_leaves_the_queue()
    {
        var post = await ReportedPostAsync();
        var (context, dialogs, page) = await OpenAsync();
        await using var _ = context;

        Button(Card(page, "Cheap food here"), "Remove post").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove this post", dialogs.Markup));
        Assert.Equal(ReportReasons.Spam, dialogs.Find("textarea").GetAttribute("value") ?? dialogs.Find("textarea").TextContent);
        dialogs.Find("textarea").Input("Advertising is not allowed here.");
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("No open reports. Nice and quiet.", page.Markup));
        Assert.Equal(PostStatus.Removed, (await Database.FindPostAsync(post.Id)).Status);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((mod, AuditActions.RemovePost), (entry.ActorId, entry.Action));
        Assert.StartsWith("Advertising is not allowed here.", entry.Details);
    }

    [Fact]
    public async Task An_empty_reason_is_refused_in_the_dialog_and_nothing_happens()
    {
        var post = await ReportedPostAsync();
        var (context, dialogs, page) = await OpenAsync();
        await using var _ = context;

        Button(Card(page, "Cheap food here"), "Remove post").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("textarea")));
        dialogs.Find("textarea").Input("   ");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal("Give a reason: the player will read it.", dialogs.Find("[role=alert]").TextContent.Trim()));
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(post.Id)).Status);
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Dismissing_keeps_the_post_and_empties_the_queue()
    {
        var post = await ReportedPostAsync();
        var (context, dialogs, page) = await OpenAsync();
        await using var _ = context;

        Button(Card(page, "Cheap food here"), "Dismiss report").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Dismiss the reports", dialogs.Markup));
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Reports (0)", page.Markup));
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(post.Id)).Status);
        Assert.Equal(AuditActions.DismissReports, Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task Warning_the_author_from_the_queue_tells_them_and_shows_in_the_card()
    {
        await ReportedPostAsync();
        var (context, dialogs, page) = await OpenAsync();
        await using var _ = context;

        Button(Card(page, "Cheap food here"), "Sanction the author").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Warn, suspend or ban @ana", dialogs.Markup));
        dialogs.Find("textarea").Input("Please stop advertising.");
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("1 warning before", Card(page, "Cheap food here").TextContent));
        Assert.Equal(AuditActions.Warn, Assert.Single(await AuditAsync()).Action);
        await using var db = Database.NewContext();
        Assert.Equal("A moderator warned you: Please stop advertising.", (await db.Notifications.SingleAsync(n => n.RecipientId == ana)).Text);
    }

    [Fact]
    public async Task A_held_post_is_approved_from_its_tab_and_a_new_report_appears_without_a_reload()
    {
        (ana, ben, mod) = (await NewPlayerAsync("ana"), await NewPlayerAsync("ben"), await NewPlayerAsync("mod"));
        var held = await Database.AddPostAsync(ana, "Great deal", "Buy now! Click here.", PostStatus.Held);
        var (context, dialogs, page) = await OpenAsync();
        await using var _ = context;
        Assert.Contains("Held posts (1)", page.Markup);

        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Held posts")).Click();
        page.WaitForAssertion(() => Assert.Contains("Filter score", Card(page, "Great deal").TextContent));
        Button(Card(page, "Great deal"), "Approve and publish").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Approve and publish this post", dialogs.Markup));
        dialogs.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Held posts (0)", page.Markup));
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(held.Id)).Status);

        // Someone reports it now: the open queue shows it at once.
        var reports = context.Services.GetRequiredService<ReportService>();
        Assert.True((await reports.ReportAsync(ben, ModerationTarget.Post(held.Id), ReportReasons.Spam, "")).Succeeded);
        page.WaitForAssertion(() => Assert.Contains("Reports (1)", page.Markup));
    }
}
