using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Moderation;

[Trait("Category", "Integration")]
public sealed class ReportServiceTests : ServiceTestBase
{
    private ReportService Reports => new(Database.Factory, Clock, Bus);

    private async Task<(UserId Author, UserId Reader, Post Post)> PostByAnaAsync(PostStatus status = PostStatus.Published)
    {
        var ana = await NewPlayerAsync("ana");
        var ben = await NewPlayerAsync("ben");
        return (ana, ben, await Database.AddPostAsync(ana, "Hello", "A post.", status));
    }

    private async Task<int> StoredReportsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Reports.CountAsync();
    }

    [Fact]
    public async Task A_report_is_stored_open_with_its_reason_and_details_and_the_queue_hears_of_it()
    {
        var (_, ben, post) = await PostByAnaAsync();

        var reported = await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Spam, "  Sells cat food in every paragraph.  ");

        Assert.True(reported.Succeeded, reported.FirstMessage);
        await using var db = Database.NewContext();
        var report = await db.Reports.SingleAsync();
        Assert.Equal((ReportTarget.Post, post.Id, ben, ReportReasons.Spam, "Sells cat food in every paragraph.", ReportStatus.Open, TestClock.Noon),
            (report.TargetKind, report.TargetId, report.ReporterId, report.Reason, report.Details, report.Status, report.CreatedAt));
        Assert.Single(Bus.Published.OfType<ModerationQueueChanged>());
    }

    [Theory]
    [InlineData(null, "", "Choose a reason for your report.")]
    [InlineData("Because", "", "Choose a reason for your report.")]
    [InlineData(ReportReasons.Other, "   ", "Tell the moderators what is wrong.")]
    [InlineData(ReportReasons.Harassment, "TOO_LONG", "Details can be at most 1,000 characters (you wrote 1,001).")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_stored(string? reason, string details, string message)
    {
        var (_, ben, post) = await PostByAnaAsync();

        var refused = await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), reason, details == "TOO_LONG" ? new string('x', 1_001) : details);

        Assert.Equal(message, refused.FirstMessage);
        Assert.Equal(0, await StoredReportsAsync());
    }

    [Fact]
    public async Task Details_of_exactly_a_thousand_characters_are_fine()
    {
        var (_, ben, post) = await PostByAnaAsync();

        Assert.True((await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Harassment, new string('x', 1_000))).Succeeded);
    }

    [Fact]
    public async Task Nobody_reports_their_own_post_or_themselves()
    {
        var (ana, _, post) = await PostByAnaAsync();

        Assert.Equal("You can't report your own post.", (await Reports.ReportAsync(ana, ModerationTarget.Post(post.Id), ReportReasons.Spam, "")).FirstMessage);
        Assert.Equal("You can't report yourself.", (await Reports.ReportAsync(ana, ModerationTarget.User(ana), ReportReasons.Spam, "")).FirstMessage);
        Assert.Equal(0, await StoredReportsAsync());
    }

    [Fact]
    public async Task Reporting_the_same_thing_twice_is_refused_kindly_until_a_moderator_closed_the_first_report()
    {
        var (_, ben, post) = await PostByAnaAsync();
        await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Spam, "");

        var again = await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Hate, "");

        Assert.Equal("You have already reported this. A moderator will look at it soon.", again.FirstMessage);
        Assert.Equal(1, await StoredReportsAsync());
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    [InlineData(PostStatus.Draft)]
    public async Task Only_posts_readers_can_see_can_be_reported(PostStatus status)
    {
        var (_, ben, post) = await PostByAnaAsync(status);

        Assert.Equal("This post is no longer there.", (await Reports.ReportAsync(ben, ModerationTarget.Post(post.Id), ReportReasons.Spam, "")).FirstMessage);
        Assert.Equal("This post is no longer there.", (await Reports.ReportAsync(ben, ModerationTarget.Post(Guid.NewGuid()), ReportReasons.Spam, "")).FirstMessage);
    }

    [Fact]
    public async Task Comments_and_players_can_be_reported_and_a_removed_comment_cannot()
    {
        var (ana, ben, post) = await PostByAnaAsync();
        var comment = await Database.AddCommentAsync(post.Id, ana, "First!");
        var removed = await Database.AddCommentAsync(post.Id, ana, "Rude.");
        await using (var db = Database.NewContext())
        {
            (await db.Comments.FirstAsync(c => c.Id == removed.Id)).SetRemoved(true);
            await db.SaveChangesAsync();
        }

        Assert.True((await Reports.ReportAsync(ben, ModerationTarget.Comment(comment.Id), ReportReasons.Harassment, "")).Succeeded);
        Assert.True((await Reports.ReportAsync(ben, ModerationTarget.User(ana), ReportReasons.Impersonation, "Pretends to be the vet.")).Succeeded);
        Assert.Equal("This comment is no longer there.", (await Reports.ReportAsync(ben, ModerationTarget.Comment(removed.Id), ReportReasons.Spam, "")).FirstMessage);
        Assert.Equal("You can't report your own comment.", (await Reports.ReportAsync(ana, ModerationTarget.Comment(comment.Id), ReportReasons.Spam, "")).FirstMessage);
        Assert.Equal(2, await StoredReportsAsync());
    }
}
