using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Moderation;

[Trait("Category", "Component")]
public sealed class ReportButtonTests : ServiceTestBase
{
    private async Task<(BunitContext Context, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ReportButton> Button, Post Post)> BenSeesAnasPostAsync()
    {
        var ana = await NewPlayerAsync("ana");
        var ben = await NewPlayerAsync("ben");
        var post = await Database.AddPostAsync(ana, "Hello", "A post.");
        var context = ComponentTestContext.Create(Database, (ben, "ben"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        var button = context.Render<ReportButton>(p => p
            .Add(b => b.Target, ModerationTarget.Post(post.Id))
            .Add(b => b.Owner, ana)
            .Add(b => b.Subject, "this post"));
        return (context, dialogs, button, post);
    }

    private async Task<List<Report>> ReportsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Reports.ToListAsync();
    }

    private static void Choose(IRenderedComponent<MudDialogProvider> dialogs, string reason) =>
        dialogs.FindAll("label.mud-radio").Single(l => l.TextContent.Contains(reason)).QuerySelector("input")!.Click();

    [Fact]
    public async Task A_player_picks_a_reason_adds_details_and_the_report_reaches_the_moderators()
    {
        var (context, dialogs, button, post) = await BenSeesAnasPostAsync();
        await using var _ = context;

        button.Find("button.purrr-report-button").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Report this post", dialogs.Markup));
        Assert.Equal(ReportReasons.All, dialogs.FindAll("label.mud-radio").Select(l => l.TextContent.Trim()));
        Choose(dialogs, ReportReasons.Spam);
        dialogs.Find("textarea").Input("Advertises a shop in every post.");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Report this post", dialogs.Markup));
        var report = Assert.Single(await ReportsAsync());
        Assert.Equal((post.Id, ReportReasons.Spam, "Advertises a shop in every post."), (report.TargetId, report.Reason, report.Details));
    }

    [Fact]
    public async Task Something_else_without_details_is_refused_in_the_dialog_which_keeps_what_was_chosen()
    {
        var (context, dialogs, button, _) = await BenSeesAnasPostAsync();
        await using var __ = context;
        button.Find("button.purrr-report-button").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form")));

        Choose(dialogs, ReportReasons.Other);
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal("Tell the moderators what is wrong.", dialogs.Find("[role=alert]").TextContent.Trim()));
        Assert.Contains("Report this post", dialogs.Markup);
        var chosen = dialogs.FindAll("label.mud-radio").Single(l => l.QuerySelector("input")!.HasAttribute("checked"));
        Assert.Equal(ReportReasons.Other, chosen.TextContent.Trim());
        Assert.Empty(await ReportsAsync());
    }

    [Fact]
    public async Task Nobody_sees_a_report_button_on_their_own_things_and_visitors_see_none()
    {
        var ana = await NewPlayerAsync("ana");
        await using (var own = ComponentTestContext.Create(Database, (ana, "ana"), clock: Clock))
        {
            var button = own.Render<ReportButton>(p => p.Add(b => b.Target, ModerationTarget.User(ana)).Add(b => b.Owner, ana));
            Assert.Empty(button.FindAll("button"));
        }
        await using var visitor = ComponentTestContext.Create(Database, clock: Clock);
        Assert.Empty(visitor.Render<ReportButton>(p => p.Add(b => b.Target, ModerationTarget.User(ana)).Add(b => b.Owner, ana)).FindAll("button"));
    }
}
