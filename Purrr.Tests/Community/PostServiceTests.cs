using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

/// <summary>Writing, scheduling and publishing posts over the real schema, with the clock pinned.</summary>
public class PostServiceTests : ServiceTestBase
{
    private PostService Posts => new(Database.Factory, Clock, Random, Bus, new PostRenderer());

    private static PostInput APost(string title = "Mochi's first snow", string body = "She sniffed it, then sat in it.", params string[] tags) =>
        new(title, body, "", tags);

    private async Task<int> CountAsync<T>(Func<Purrr.Data.SqlitePurrrDbContext, IQueryable<T>> rows)
    {
        await using var db = Database.NewContext();
        return await rows(db).CountAsync();
    }

    private async Task SuspendAsync(UserId player, TimeSpan howLong, string reason)
    {
        var moderator = await Database.AddPlayerAsync($"mod{Guid.NewGuid():N}"[..12]);
        await using var db = Database.NewContext();
        db.UserSanctions.Add(UserSanction.Create(player, SanctionKind.Suspension, reason, moderator, Clock.GetUtcNow(), Clock.GetUtcNow() + howLong));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Publishing_stores_the_post_with_slug_reading_time_and_tags()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var published = await Posts.PublishAsync(luna, null, APost(tags: ["Snow", "#kittens", "snow"]));

        Assert.True(published.Succeeded, published.FirstMessage);
        Assert.Equal(PostStatus.Published, published.Value.Status);
        Assert.Matches("^mochis-first-snow-[a-z0-9]{6}$", published.Value.Slug);
        await using var db = Database.NewContext();
        var post = await db.Posts.Include(p => p.Tags).SingleAsync();
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(Clock.GetUtcNow(), post.PublishedAt);
        Assert.Equal(1, post.ReadingMinutes);
        Assert.Equal(["kittens", "snow"], post.Tags.Select(t => t.Tag).Order());
    }

    [Theory]
    [InlineData("", "Give your post a title.")]
    [InlineData("ok", "Posts can be at most 10,000 characters (this one has 10,001).")]
    public async Task Bad_input_is_refused_and_nothing_is_stored(string title, string message)
    {
        var luna = await Database.AddPlayerAsync("luna");

        var result = await Posts.PublishAsync(luna, null, APost(title, title == "" ? "body" : new string('x', 10_001)));

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.FirstMessage);
        Assert.Equal(0, await CountAsync(db => db.Posts));
    }

    [Fact]
    public async Task A_sixth_tag_is_refused_and_nothing_is_stored()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var result = await Posts.SaveDraftAsync(luna, null, APost(tags: ["a1", "b2", "c3", "d4", "e5", "f6"]));

        Assert.Equal("A post can have at most 5 tags.", result.FirstMessage);
        Assert.Equal(0, await CountAsync(db => db.Posts));
    }

    [Fact]
    public async Task A_suspended_player_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await SuspendAsync(luna, TimeSpan.FromDays(2), "spamming the feed");

        var result = await Posts.PublishAsync(luna, null, APost());

        Assert.False(result.Succeeded);
        Assert.Equal("You are suspended until 26 Nov 2026 12:00 UTC: spamming the feed", result.FirstMessage);
        Assert.Equal(0, await CountAsync(db => db.Posts));
    }

    [Fact]
    public async Task A_suspended_player_may_still_keep_a_private_draft()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await SuspendAsync(luna, TimeSpan.FromDays(2), "spamming");

        var saved = await Posts.SaveDraftAsync(luna, null, APost());

        Assert.Equal(PostStatus.Draft, saved.Value.Status);
    }

    [Fact]
    public async Task The_eleventh_post_within_an_hour_is_refused_and_allowed_again_after_the_hour()
    {
        var luna = await Database.AddPlayerAsync("luna");
        for (var i = 1; i <= PostRules.PostsPerHour; i++)
        {
            Assert.True((await Posts.PublishAsync(luna, null, APost($"Post {i}"))).Succeeded);
            Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var eleventh = await Posts.PublishAsync(luna, null, APost("Post 11"));

        Assert.Equal("You can publish at most 10 posts an hour. Save this one as a draft or schedule it for later.", eleventh.FirstMessage);
        Assert.Equal(10, await CountAsync(db => db.Posts));

        Clock.Advance(TimeSpan.FromMinutes(15)); // the first post is now more than an hour old
        Assert.True((await Posts.PublishAsync(luna, null, APost("Post 11"))).Succeeded);
    }

    [Fact]
    public async Task Updating_a_published_post_does_not_count_against_the_limit()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var first = (await Posts.PublishAsync(luna, null, APost("Post 0"))).Value;
        for (var i = 1; i < PostRules.PostsPerHour; i++)
            await Posts.PublishAsync(luna, null, APost($"Post {i}"));

        var updated = await Posts.PublishAsync(luna, first.Id, APost("Post 0", "Edited after the tenth."));

        Assert.True(updated.Succeeded, updated.FirstMessage);
        Assert.Equal("Post updated.", updated.Value.Message);
        Assert.Equal(first.Slug, updated.Value.Slug); // a published post keeps its address
    }

    [Fact]
    public async Task A_post_the_scorer_flags_is_held_and_the_author_is_told()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var result = await Posts.PublishAsync(luna, null, APost("Free money", "Click here, buy now: crypto giveaway, free money, limited offer!"));

        Assert.True(result.Succeeded);
        Assert.Equal(PostStatus.Held, result.Value.Status);
        Assert.Contains("waiting for a moderator", result.Value.Message);
        await using var db = Database.NewContext();
        var post = await db.Posts.SingleAsync();
        Assert.Equal(PostStatus.Held, post.Status);
        Assert.True(post.ModerationScore >= ContentScore.HoldThreshold);
        Assert.Null(post.PublishedAt);
    }

    [Fact]
    public async Task Mentioned_players_are_notified_in_the_same_save_and_told_live()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var milo = await Database.AddPlayerAsync("milo");

        var result = await Posts.PublishAsync(luna, null, APost(body: "Thanks @Milo and @luna for the tips!"));

        await using var db = Database.NewContext();
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal(milo, notification.RecipientId);
        Assert.Equal(NotificationType.Mention, notification.Type);
        Assert.Equal("luna mentioned you in “Mochi's first snow”", notification.Text);
        Assert.Equal($"community/posts/{result.Value.Slug}", notification.Link);
        Assert.Equal(luna, notification.ActorId);
        Assert.Equal([new NotificationAdded(milo)], Bus.Published.OfType<NotificationAdded>());
    }

    [Fact]
    public async Task Editing_a_published_post_notifies_only_players_mentioned_for_the_first_time()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.AddPlayerAsync("milo");
        var nova = await Database.AddPlayerAsync("nova");
        var post = (await Posts.PublishAsync(luna, null, APost(body: "Hi @milo"))).Value;

        await Posts.PublishAsync(luna, post.Id, APost(body: "Hi @milo and @nova"));

        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Notifications.CountAsync());
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == nova));
    }

    [Fact]
    public async Task A_mention_of_a_missing_player_is_refused_and_nothing_is_stored()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var result = await Posts.PublishAsync(luna, null, APost(body: "Hello @nobody_here"));

        Assert.Equal("There is no player called @nobody_here. Check the spelling, or remove the @.", result.FirstMessage);
        Assert.Equal("body", result.Problems[0].Field);
        Assert.Equal(0, await CountAsync(db => db.Posts));
        Assert.Equal(0, await CountAsync(db => db.Notifications));
    }

    [Fact]
    public async Task Held_posts_notify_nobody_yet()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.AddPlayerAsync("milo");

        await Posts.PublishAsync(luna, null, APost("Buy now", "@milo click here buy now free money casino limited offer"));

        Assert.Equal(0, await CountAsync(db => db.Notifications));
    }

    [Fact]
    public async Task Someone_elses_draft_looks_missing_to_the_editor()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var milo = await Database.AddPlayerAsync("milo");
        var draft = (await Posts.SaveDraftAsync(luna, null, APost())).Value;

        var load = await Posts.GetForEditingAsync(milo, draft.Slug);

        Assert.Equal(PostService.MissingMessage, load.FirstMessage);
        Assert.True((await Posts.GetForEditingAsync(luna, draft.Slug)).Succeeded);
    }

    [Fact]
    public async Task Editing_someone_elses_post_is_refused_and_changes_nothing()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var milo = await Database.AddPlayerAsync("milo");
        var post = (await Posts.PublishAsync(luna, null, APost())).Value;

        var edit = await Posts.PublishAsync(milo, post.Id, APost("Hijacked", "mine now"));
        var load = await Posts.GetForEditingAsync(milo, post.Slug);
        var autosave = await Posts.AutosaveAsync(milo, post.Id, APost("Hijacked", "mine now"));
        var delete = await Posts.DeleteAsync(milo, post.Id);

        Assert.Equal("You can only change your own posts.", edit.FirstMessage);
        Assert.Equal("You can only change your own posts.", load.FirstMessage);
        Assert.False(autosave.Succeeded);
        Assert.False(delete.Succeeded);
        await using var db = Database.NewContext();
        var stored = await db.Posts.SingleAsync();
        Assert.Equal("Mochi's first snow", stored.Title);
        Assert.Null(stored.DeletedAt);
        Assert.Equal(0, await db.EditorDrafts.CountAsync());
    }

    [Fact]
    public async Task A_draft_follows_its_title_until_it_is_published()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var draft = (await Posts.SaveDraftAsync(luna, null, APost("Untitled", ""))).Value;

        var renamed = (await Posts.SaveDraftAsync(luna, draft.Id, APost("Snow day", "Brr."))).Value;
        var published = (await Posts.PublishAsync(luna, draft.Id, APost("Snow day", "Brr."))).Value;
        var edited = (await Posts.PublishAsync(luna, draft.Id, APost("A different title", "Brr."))).Value;

        Assert.StartsWith("untitled-", draft.Slug);
        Assert.StartsWith("snow-day-", renamed.Slug);
        Assert.Equal(renamed.Slug, published.Slug);
        Assert.Equal(published.Slug, edited.Slug);
        Assert.Equal("Published!", published.Message);
    }

    [Fact]
    public async Task A_scheduled_post_publishes_when_due_through_the_same_checks()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var milo = await Database.AddPlayerAsync("milo");
        var at = Clock.GetUtcNow().AddHours(3);
        var scheduled = await Posts.ScheduleAsync(luna, null, APost(body: "For @milo, at dawn."), at);
        Assert.Equal(PostStatus.Scheduled, scheduled.Value.Status);

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Posts.PublishDueAsync());
        Assert.Equal(0, await CountAsync(db => db.Posts.Where(p => p.Status == PostStatus.Published)));

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Posts.PublishDueAsync());

        await using var db = Database.NewContext();
        var post = await db.Posts.SingleAsync();
        Assert.Equal(PostStatus.Published, post.Status);
        Assert.Equal(at, post.PublishedAt);
        Assert.Null(post.ScheduledFor);
        Assert.Equal(milo, (await db.Notifications.SingleAsync()).RecipientId);
        Assert.Equal(0, await Posts.PublishDueAsync()); // published once
    }

    [Fact]
    public async Task A_scheduled_post_of_a_player_suspended_since_goes_back_to_drafts_and_they_are_told_why()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Posts.ScheduleAsync(luna, null, APost(), Clock.GetUtcNow().AddHours(1));
        await SuspendAsync(luna, TimeSpan.FromDays(1), "rude comments");

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Posts.PublishDueAsync());

        await using var db = Database.NewContext();
        Assert.Equal(PostStatus.Draft, (await db.Posts.SingleAsync()).Status);
        var notice = await db.Notifications.SingleAsync();
        Assert.Equal(luna, notice.RecipientId);
        Assert.Equal(NotificationType.System, notice.Type);
        Assert.Contains("couldn't be published as scheduled: You are suspended until", notice.Text);
    }

    [Fact]
    public async Task A_scheduled_post_over_the_hourly_limit_waits_for_the_next_run()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Posts.ScheduleAsync(luna, null, APost("Later"), Clock.GetUtcNow().AddMinutes(30));
        for (var i = 0; i < PostRules.PostsPerHour; i++)
            await Posts.PublishAsync(luna, null, APost($"Now {i}"));

        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(0, await Posts.PublishDueAsync());
        Assert.Equal(1, await CountAsync(db => db.Posts.Where(p => p.Status == PostStatus.Scheduled)));

        Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await Posts.PublishDueAsync());
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_refused()
    {
        var luna = await Database.AddPlayerAsync("luna");

        var result = await Posts.ScheduleAsync(luna, null, APost(), Clock.GetUtcNow().AddMinutes(-5));

        Assert.Equal("schedule", result.Problems[0].Field);
        Assert.Equal(0, await CountAsync(db => db.Posts));
    }

    [Fact]
    public async Task Autosave_keeps_one_draft_per_post_and_saving_the_post_clears_it()
    {
        var luna = await Database.AddPlayerAsync("luna");

        await Posts.AutosaveAsync(luna, null, APost("Half", "typed"));
        Clock.Advance(TimeSpan.FromSeconds(2));
        var keptAt = await Posts.AutosaveAsync(luna, null, APost("Half a", "typed more", "snow"));
        var draft = await Posts.DraftAsync(luna, null);

        Assert.Equal(Clock.GetUtcNow(), keptAt.Value);
        Assert.Equal(new SavedDraft(new PostInput("Half a", "typed more", "", ["snow"]), Clock.GetUtcNow()).Content.Body, draft!.Content.Body);
        Assert.Equal(["snow"], draft.Content.Tags);
        Assert.Equal(1, await CountAsync(db => db.EditorDrafts));

        await Posts.SaveDraftAsync(luna, null, draft.Content);

        Assert.Null(await Posts.DraftAsync(luna, null));
    }

    [Fact]
    public async Task Autosave_keeps_text_over_the_limits_so_nothing_typed_is_lost()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var body = new string('x', Post.BodyMaxLength + 500);

        await Posts.AutosaveAsync(luna, null, APost(new string('t', 250), body));

        Assert.Equal(body, (await Posts.DraftAsync(luna, null))!.Content.Body);
    }

    [Fact]
    public async Task Archive_unarchive_and_delete()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var post = (await Posts.PublishAsync(luna, null, APost())).Value;

        Assert.Equal(PostStatus.Archived, (await Posts.ArchiveAsync(luna, post.Id)).Value.Status);
        Assert.Equal("This post is archived. Bring it back from My posts to edit it.", (await Posts.GetForEditingAsync(luna, post.Slug)).FirstMessage);
        Assert.Equal(PostStatus.Published, (await Posts.UnarchiveAsync(luna, post.Id)).Value.Status);
        Assert.True((await Posts.DeleteAsync(luna, post.Id)).Succeeded);

        Assert.Empty(await Posts.MineAsync(luna, PostStatus.Published));
        Assert.Equal("That post doesn't exist (or was deleted).", (await Posts.GetForEditingAsync(luna, post.Slug)).FirstMessage);
        await using var db = Database.NewContext();
        Assert.NotNull((await db.Posts.SingleAsync()).DeletedAt); // soft: kept for moderation
    }

    [Fact]
    public async Task A_published_post_cannot_go_back_to_being_a_draft()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var post = (await Posts.PublishAsync(luna, null, APost())).Value;

        var result = await Posts.SaveDraftAsync(luna, post.Id, APost());

        Assert.False(result.Succeeded);
        Assert.Equal(PostStatus.Published, (await Posts.GetForEditingAsync(luna, post.Slug)).Value.Status);
    }

    [Fact]
    public async Task Mention_suggestions_match_the_start_of_usernames_and_treat_underscore_literally()
    {
        await Database.AddPlayerAsync("luna");
        await Database.AddPlayerAsync("lucky_cat");
        await Database.AddPlayerAsync("luxe");
        await Database.AddPlayerAsync("milo");

        Assert.Equal(["lucky_cat", "luna", "luxe"], (await Posts.SuggestUsersAsync("lu")).Select(s => s.UserName));
        Assert.Equal(["lucky_cat"], (await Posts.SuggestUsersAsync("lucky_")).Select(s => s.UserName));
        Assert.Empty(await Posts.SuggestUsersAsync("l%"));
    }
}
