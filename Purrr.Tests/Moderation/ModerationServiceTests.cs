using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Search;
using Purrr.Data.Search;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Moderation;

/// <summary>The moderation queue and what moderators do, over the real database.</summary>
[Trait("Category", "Integration")]
public sealed class ModerationServiceTests : ServiceTestBase
{
    private ModerationService Moderation => new(Database.Factory, Clock, Bus, new PostService(Database.Factory, Clock, Random, Bus, new PostRenderer()));
    private ReportService Reports => new(Database.Factory, Clock, Bus);

    private UserId ana, ben, cy, mod;

    private async Task PlayersAsync()
    {
        ana = await NewPlayerAsync("ana");
        ben = await NewPlayerAsync("ben");
        cy = await NewPlayerAsync("cy");
        mod = await NewPlayerAsync("mod");
    }

    private async Task<Post> ReportedPostAsync(string title = "Buy my stuff", int reporters = 1)
    {
        var post = await Database.AddPostAsync(ana, title, "Cheap stuff here.");
        Clock.Advance(TimeSpan.FromMinutes(1)); // reports of later posts come later
        foreach (var reporter in new[] { ben, cy }.Take(reporters))
            Assert.True((await Reports.ReportAsync(reporter, ModerationTarget.Post(post.Id), ReportReasons.Spam, "Ads.")).Succeeded);
        return post;
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.NewContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<List<Notification>> NotificationsOfAsync(UserId user)
    {
        await using var db = Database.NewContext();
        return await db.Notifications.Where(n => n.RecipientId == user).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<List<Report>> ReportsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Reports.ToListAsync();
    }

    [Fact]
    public async Task The_queue_shows_each_reported_thing_once_most_reported_first_with_who_reported_it_and_why()
    {
        await PlayersAsync();
        var once = await ReportedPostAsync("Once", reporters: 1);
        var twice = await ReportedPostAsync("Twice", reporters: 2);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Reports.ReportAsync(ben, ModerationTarget.User(ana), ReportReasons.Harassment, "Rude in chat.");

        var queue = await Moderation.ReportedAsync(page: 1);

        Assert.Equal(3, queue.Total);
        Assert.Equal([ModerationTarget.Post(twice.Id), ModerationTarget.Post(once.Id), ModerationTarget.User(ana)], queue.Items.Select(i => i.Target));
        var top = queue.Items[0];
        Assert.Equal(("Twice", ContentState.Visible, "ana"), (top.Title, top.State, top.Author?.UserName));
        Assert.Equal(["ben", "cy"], top.Reports.Select(r => r.ReporterUserName));
        Assert.Equal((ReportReasons.Spam, "Ads."), (top.Reports[0].Reason, top.Reports[0].Details));
        Assert.True(top is { CanRemove: true, CanDismiss: true, CanRestore: false, CanApprove: false });
        Assert.Equal(("ana (@ana)", "players/ana"), (queue.Items[2].Title, queue.Items[2].Link));
    }

    [Fact]
    public async Task The_queue_pages_on_the_server()
    {
        await PlayersAsync();
        for (var i = 0; i < 12; i++)
            await ReportedPostAsync($"Post {i}");

        var second = await Moderation.ReportedAsync(page: 2, pageSize: 5);

        Assert.Equal((12, 3, 5), (second.Total, second.PageCount, second.Items.Count));
        Assert.Equal(["Post 5", "Post 6", "Post 7", "Post 8", "Post 9"], second.Items.Select(i => i.Title));
    }

    [Fact]
    public async Task Held_posts_wait_in_their_own_list_with_the_scorers_reasons()
    {
        await PlayersAsync();
        await Database.AddPostAsync(ana, "Deal", "Buy now! Free money, click here.", PostStatus.Held);
        await Database.AddPostAsync(ana, "Fine", "A nap.", PostStatus.Published);

        var held = await Moderation.HeldAsync(page: 1);

        var item = Assert.Single(held.Items);
        Assert.Equal(("Deal", ContentState.Held), (item.Title, item.State));
        Assert.True(item.Score!.ShouldHold);
        Assert.Contains("spam phrases (buy now, free money, click here)", item.Score.Reasons);
        Assert.True(item is { CanApprove: true, CanRemove: true, CanDismiss: false });
    }

    [Fact]
    public async Task Removing_a_post_hides_it_closes_its_reports_tells_the_author_and_is_audited_in_one_save()
    {
        await PlayersAsync();
        var post = await ReportedPostAsync(reporters: 2);

        var removed = await Moderation.RemoveAsync(mod, ModerationTarget.Post(post.Id), "Advertising is not allowed.");

        Assert.Equal("Post removed.", removed.Value);
        Assert.Equal(PostStatus.Removed, (await Database.FindPostAsync(post.Id)).Status);
        Assert.All(await ReportsAsync(), r => Assert.Equal((ReportStatus.Resolved, (UserId?)mod, (DateTimeOffset?)Clock.GetUtcNow()), (r.Status, r.ResolvedById, r.ResolvedAt)));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((mod, AuditActions.RemovePost, "Post", post.Id.ToString(), "Advertising is not allowed. (2 reports closed)"),
            (entry.ActorId, entry.Action, entry.TargetKind, entry.TargetId, entry.Details));
        var told = Assert.Single(await NotificationsOfAsync(ana));
        Assert.Equal((NotificationType.System, "A moderator removed your post “Buy my stuff”: Advertising is not allowed."), (told.Type, told.Text));
        Assert.Contains(new NotificationAdded(ana), Bus.Published);
        Assert.Contains(new ContentModerated(ModerationTarget.Post(post.Id)), Bus.Published);
        Assert.Equal(0, (await Moderation.ReportedAsync(1)).Total);
    }

    [Fact]
    public async Task A_removed_post_is_no_longer_found_by_search_and_is_found_again_once_restored()
    {
        await PlayersAsync();
        var post = await Database.AddPostAsync(ana, "Garden", "The calico sat among the tulips.");
        var search = new SearchService(Database.Factory, new SqlitePostSearch(Database.Contexts), Clock);

        await Moderation.RemoveAsync(mod, ModerationTarget.Post(post.Id), "Testing.");
        Assert.Empty((await search.SearchAsync(ben, "tulips")).Value.Posts.Hits);

        Assert.Equal("Post restored.", (await Moderation.RestoreAsync(mod, ModerationTarget.Post(post.Id), "Mistake.")).Value);
        Assert.Single((await search.SearchAsync(ben, "tulips")).Value.Posts.Hits);
        Assert.Equal([AuditActions.RemovePost, AuditActions.RestorePost], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal("A moderator restored your post “Garden”.", (await NotificationsOfAsync(ana))[^1].Text);
    }

    [Fact]
    public async Task Removing_with_a_suspension_of_the_author_does_both_in_one_save()
    {
        await PlayersAsync();
        var post = await ReportedPostAsync();

        var done = await Moderation.RemoveAsync(mod, ModerationTarget.Post(post.Id), "Spam.", SanctionRequest.Suspension(TimeSpan.FromDays(7)));

        Assert.Equal("Post removed. @ana is suspended for 7 days.", done.Value);
        Assert.Equal([AuditActions.RemovePost, AuditActions.Suspend], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal("For 7 days: Spam.", (await AuditAsync())[1].Details);
        var restriction = await Moderation.RestrictionOfAsync(ana);
        Assert.Equal((SanctionKind.Suspension, "Spam.", (DateTimeOffset?)Clock.GetUtcNow().AddDays(7)), (restriction?.Kind, restriction?.Reason, restriction?.Until));
        Assert.Equal(2, (await NotificationsOfAsync(ana)).Count);
        Assert.Contains(new SanctionsChanged(ana), Bus.Published);
    }

    [Fact]
    public async Task Approving_a_held_post_publishes_it_and_dismisses_its_reports()
    {
        await PlayersAsync();
        var post = await Database.AddPostAsync(ana, "Honest review", "This food is great, buy now.", PostStatus.Held);

        var approved = await Moderation.ApproveAsync(mod, post.Id, "Fine, just enthusiastic.");

        Assert.Equal("Post approved and published.", approved.Value);
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(post.Id)).Status);
        Assert.Equal(AuditActions.ApprovePost, Assert.Single(await AuditAsync()).Action);
        var told = Assert.Single(await NotificationsOfAsync(ana));
        Assert.Equal(($"community/posts/{post.Slug}", "A moderator approved your post “Honest review”: it is published now."), (told.Link, told.Text));
        Assert.Equal("Only a post held for review can be approved.", (await Moderation.ApproveAsync(mod, post.Id, null)).FirstMessage);
    }

    [Fact]
    public async Task Dismissing_keeps_the_content_and_closes_the_reports_as_unfounded()
    {
        await PlayersAsync();
        var post = await ReportedPostAsync(reporters: 2);

        Assert.Equal("2 reports dismissed.", (await Moderation.DismissAsync(mod, ModerationTarget.Post(post.Id), "It's satire.")).Value);

        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(post.Id)).Status);
        Assert.All(await ReportsAsync(), r => Assert.Equal(ReportStatus.Dismissed, r.Status));
        Assert.Equal("It's satire. (2 reports closed)", Assert.Single(await AuditAsync()).Details);
        Assert.Empty(await NotificationsOfAsync(ana));
        Assert.Equal("There are no open reports on this any more.", (await Moderation.DismissAsync(mod, ModerationTarget.Post(post.Id), null)).FirstMessage);
    }

    [Fact]
    public async Task Comments_are_removed_and_restored_and_their_author_is_told()
    {
        await PlayersAsync();
        var post = await Database.AddPostAsync(ben, "Kittens", "So small.");
        var comment = await Database.AddCommentAsync(post.Id, ana, "You idiot.");
        await Reports.ReportAsync(ben, ModerationTarget.Comment(comment.Id), ReportReasons.Harassment, "");

        var item = Assert.Single((await Moderation.ReportedAsync(1)).Items);
        Assert.Equal(("Comment on “Kittens”", "You idiot.", $"community/posts/{post.Slug}#comment-{comment.Id:N}"), (item.Title, item.Text, item.Link));
        Assert.True(item.Score!.ShouldHold);

        Assert.Equal("Comment removed.", (await Moderation.RemoveAsync(mod, item.Target, "No insults.")).Value);
        Assert.Equal("That comment is already removed.", (await Moderation.RemoveAsync(mod, item.Target, "Again.")).FirstMessage);
        Assert.Equal("Comment restored.", (await Moderation.RestoreAsync(mod, item.Target, null)).Value);

        Assert.Equal([AuditActions.RemoveComment, AuditActions.RestoreComment], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal("A moderator removed your comment on “Kittens”: No insults.", (await NotificationsOfAsync(ana))[0].Text);
    }

    [Fact]
    public async Task A_warning_is_told_and_audited_but_restricts_nothing()
    {
        await PlayersAsync();
        await Reports.ReportAsync(ben, ModerationTarget.User(ana), ReportReasons.Harassment, "");

        Assert.Equal("@ana is warned.", (await Moderation.SanctionAsync(mod, ana, SanctionRequest.Warning(), "Be kind in chat.")).Value);

        Assert.Null(await Moderation.RestrictionOfAsync(ana));
        Assert.Equal("A moderator warned you: Be kind in chat.", Assert.Single(await NotificationsOfAsync(ana)).Text);
        Assert.Equal((AuditActions.Warn, "Be kind in chat. (1 report closed)"), (Assert.Single(await AuditAsync()).Action, (await AuditAsync())[0].Details));
        Assert.Equal(ReportStatus.Resolved, Assert.Single(await ReportsAsync()).Status);
    }

    [Fact]
    public async Task A_suspension_ends_by_itself_when_its_time_is_up()
    {
        await PlayersAsync();
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(3)), "Spamming.");
        Assert.Equal("You are suspended for 3 days (you can read, but not post, comment or chat). Reason: Spamming.",
            Assert.Single(await NotificationsOfAsync(ana)).Text);

        Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.NotNull(await Moderation.RestrictionOfAsync(ana));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Moderation.RestrictionOfAsync(ana));
    }

    [Fact]
    public async Task A_ban_outranks_a_suspension_and_lifting_each_is_audited()
    {
        await PlayersAsync();
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(30)), "Spamming.");
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Ban(), "Spamming again.");
        var ban = (await Moderation.RestrictionOfAsync(ana))!;
        Assert.Equal(SanctionKind.Ban, ban.Kind);
        Assert.Equal("@ana is already banned.", (await Moderation.SanctionAsync(mod, ana, SanctionRequest.Ban(), "Twice.")).FirstMessage);

        Assert.Equal("The ban is lifted.", (await Moderation.LiftAsync(mod, ban.Id, "Appeal accepted.")).Value);
        var suspension = (await Moderation.RestrictionOfAsync(ana))!;
        Assert.Equal(SanctionKind.Suspension, suspension.Kind);
        Assert.Equal("The suspension is lifted.", (await Moderation.LiftAsync(mod, suspension.Id, null)).Value);
        Assert.Null(await Moderation.RestrictionOfAsync(ana));
        Assert.Equal("That sanction is no longer in force.", (await Moderation.LiftAsync(mod, suspension.Id, null)).FirstMessage);

        Assert.Equal([AuditActions.Suspend, AuditActions.Ban, AuditActions.Lift, AuditActions.Lift], (await AuditAsync()).Select(e => e.Action));
        Assert.Equal("Lifted the ban (Spamming again.): Appeal accepted.", (await AuditAsync())[2].Details);
        Assert.Equal("A moderator lifted your suspension.", (await NotificationsOfAsync(ana))[^1].Text);
    }

    [Theory]
    [InlineData("remove-no-reason", "Give a reason: the player will read it.")]
    [InlineData("suspend-no-reason", "Give a reason: the player will read it.")]
    [InlineData("reason-too-long", "A reason can be at most 500 characters.")]
    [InlineData("suspend-zero", "A suspension lasts from 1 hour to 365 days.")]
    [InlineData("suspend-two-years", "A suspension lasts from 1 hour to 365 days.")]
    [InlineData("sanction-self", "You can't sanction yourself.")]
    [InlineData("remove-user", "A player can't be removed: warn, suspend or ban them instead.")]
    [InlineData("restore-visible", "Only a removed post can be restored.")]
    [InlineData("remove-missing", "That post no longer exists.")]
    [InlineData("remove-and-sanction-self", "You can't sanction yourself.")]
    public async Task Refused_actions_say_why_and_change_nothing(string attempt, string message)
    {
        await PlayersAsync();
        var post = await ReportedPostAsync();
        var own = await Database.AddPostAsync(mod, "Mine", "My post.");
        var target = ModerationTarget.Post(post.Id);

        var refused = attempt switch
        {
            "remove-no-reason" => await Moderation.RemoveAsync(mod, target, "  "),
            "suspend-no-reason" => await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(1)), null),
            "reason-too-long" => await Moderation.SanctionAsync(mod, ana, SanctionRequest.Warning(), new string('x', 501)),
            "suspend-zero" => await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.Zero), "Why."),
            "suspend-two-years" => await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(730)), "Why."),
            "sanction-self" => await Moderation.SanctionAsync(mod, mod, SanctionRequest.Ban(), "Oops."),
            "remove-user" => await Moderation.RemoveAsync(mod, ModerationTarget.User(ana), "Why."),
            "restore-visible" => await Moderation.RestoreAsync(mod, target, null),
            "remove-missing" => await Moderation.RemoveAsync(mod, ModerationTarget.Post(Guid.NewGuid()), "Why."),
            _ => await Moderation.RemoveAsync(mod, ModerationTarget.Post(own.Id), "Why.", SanctionRequest.Warning()),
        };

        Assert.Equal(message, refused.FirstMessage);
        Assert.Empty(await AuditAsync());
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(post.Id)).Status);
        Assert.Equal(PostStatus.Published, (await Database.FindPostAsync(own.Id)).Status); // a refused sanction undoes the removal with it
        Assert.Null(await Moderation.RestrictionOfAsync(ana));
        Assert.Empty(await NotificationsOfAsync(ana));
        Assert.Equal(ReportStatus.Open, Assert.Single(await ReportsAsync()).Status);
    }

    [Fact]
    public async Task Every_moderator_action_leaves_exactly_one_audit_entry_naming_the_moderator()
    {
        await PlayersAsync();
        var post = await ReportedPostAsync();
        var held = await Database.AddPostAsync(ana, "Held", "Held post.", PostStatus.Held);
        var comment = await Database.AddCommentAsync(post.Id, ana, "A comment.");
        await Reports.ReportAsync(ben, ModerationTarget.Comment(comment.Id), ReportReasons.Spam, "");
        var actions = new Func<Task<Result<string>>>[]
        {
            () => Moderation.DismissAsync(mod, ModerationTarget.Comment(comment.Id), null),
            () => Moderation.RemoveAsync(mod, ModerationTarget.Post(post.Id), "Spam."),
            () => Moderation.RestoreAsync(mod, ModerationTarget.Post(post.Id), null),
            () => Moderation.RemoveAsync(mod, ModerationTarget.Comment(comment.Id), "Spam."),
            () => Moderation.RestoreAsync(mod, ModerationTarget.Comment(comment.Id), null),
            () => Moderation.ApproveAsync(mod, held.Id, null),
            () => Moderation.SanctionAsync(mod, ana, SanctionRequest.Warning(), "Careful."),
            () => Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromHours(1)), "Cool off."),
            () => Moderation.SanctionAsync(mod, ana, SanctionRequest.Ban(), "Enough."),
        };

        foreach (var (action, i) in actions.Select((a, i) => (a, i)))
        {
            var done = await action();
            Assert.True(done.Succeeded, done.FirstMessage);
            Assert.Equal(i + 1, (await AuditAsync()).Count);
        }
        var ban = (await Moderation.RestrictionOfAsync(ana))!;
        await Moderation.LiftAsync(mod, ban.Id, null);

        var log = await AuditAsync();
        Assert.Equal(actions.Length + 1, log.Count);
        Assert.All(log, e => Assert.Equal((mod, Clock.GetUtcNow()), (e.ActorId, e.At)));
        Assert.Equal(10, log.Select(e => e.Action).Distinct().Count());
    }

    [Fact]
    public async Task The_audit_log_reads_newest_first_with_names_and_links()
    {
        await PlayersAsync();
        var post = await ReportedPostAsync("Ads");
        await Moderation.RemoveAsync(mod, ModerationTarget.Post(post.Id), "Spam.");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(1)), "Spam.");

        var log = await Moderation.AuditAsync(page: 1);

        Assert.Equal(2, log.Total);
        Assert.Equal(("mod", "Suspended a user", "@ana", "players/ana", "For 1 day: Spam."),
            (log.Items[0].ActorUserName, log.Items[0].Action, log.Items[0].TargetLabel, log.Items[0].TargetLink, log.Items[0].Details));
        Assert.Equal(("Removed a post", "“Ads”", $"community/posts/{post.Slug}"), (log.Items[1].Action, log.Items[1].TargetLabel, log.Items[1].TargetLink));
        Assert.Equal(["Suspended a user"], (await Moderation.AuditAsync(page: 1, pageSize: 1)).Items.Select(i => i.Action));
        Assert.Equal(["Removed a post"], (await Moderation.AuditAsync(page: 2, pageSize: 1)).Items.Select(i => i.Action));
    }
}
