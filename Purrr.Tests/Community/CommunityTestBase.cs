using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

/// <summary>The community services over a fresh database, with the clock pinned and a recording bus.</summary>
public abstract class CommunityTestBase : ServiceTestBase
{
    protected FeedService Feeds => new(Database.Factory);
    protected TrendingService Trending => new(Database.Factory, Clock);
    protected ReactionService Reactions => new(Database.Factory, Clock, Bus);
    protected CommentService Comments => new(Database.Factory, Clock, Bus);
    protected NotificationService Notifications => new(Database.Factory, Clock, Bus);
    protected FollowService Follows => new(Database.Factory, Clock, Bus);

    /// <summary>Stores one post built with <see cref="APost"/>.</summary>
    protected async Task<Post> PostAsync(APost post) => (await Database.AddPostsAsync(post.Build()))[0];

    /// <summary>A moderator suspends <paramref name="player"/> for a day.</summary>
    protected async Task SuspendAsync(UserId player, UserId moderator)
    {
        await using var db = Database.NewContext();
        db.UserSanctions.Add(UserSanction.Create(player, SanctionKind.Suspension, "Spamming the comments", moderator, Clock.GetUtcNow(), Clock.GetUtcNow().AddDays(1)));
        await db.SaveChangesAsync();
    }

    protected async Task<IReadOnlyList<Notification>> NotificationsOfAsync(UserId player)
    {
        await using var db = Database.NewContext();
        return [.. db.Notifications.Where(n => n.RecipientId == player).OrderBy(n => n.Id)];
    }
}
