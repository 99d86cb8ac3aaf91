using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

/// <summary>Whom <paramref name="Follower"/> follows changed (their "who's online" list follows).</summary>
public sealed record FollowsChanged(UserId Follower) : ITopicEvent
{
    public static string TopicOf(UserId follower) => $"follows:{follower}";

    public string Topic => TopicOf(Follower);
}

/// <summary>A player's followers and followings, counted.</summary>
public sealed record FollowCounts(int Followers, int Following);

/// <summary>
/// Players following each other: following someone shows their presence in your "who's online" and their posts in
/// your feed, and tells them (a notification).
/// </summary>
public sealed class FollowService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    /// <summary>Starts following; following someone already followed changes nothing.</summary>
    public async Task<Result<bool>> FollowAsync(UserId follower, UserId followee, CancellationToken ct = default)
    {
        if (follower == followee)
            return Result<bool>.Failure("You can't follow yourself.");
        var told = false;
        var followed = await Conflicts.RetryAsync(async () =>
        {
            told = false;
            await using var db = await dbFactory.CreateAsync(ct);
            if (!await db.Players.AnyAsync(p => p.Id == followee, ct))
                return Result<bool>.Failure("This player no longer exists.");
            if (await db.Follows.AnyAsync(f => f.FollowerId == follower && f.FolloweeId == followee, ct))
                return Result<bool>.Success(true);
            var now = clock.GetUtcNow();
            db.Follows.Add(Follow.Create(follower, followee, now));
            var who = await db.Players.Where(p => p.Id == follower).Select(p => new { p.UserName, p.DisplayName }).FirstAsync(ct);
            told = await Notify.AddAsync(db, followee, NotificationType.Follow, $"{who.DisplayName} started following you.", $"players/{who.UserName}", follower, now, ct);
            await db.SaveChangesAsync(ct); // a double click inserting twice loses the race and finds the row on retry
            return Result<bool>.Success(true);
        });
        if (followed.Succeeded)
            bus.Publish(new FollowsChanged(follower));
        if (told)
            Notify.Announce(bus, [followee]);
        return followed;
    }

    /// <summary>Stops following; not following changes nothing.</summary>
    public async Task UnfollowAsync(UserId follower, UserId followee, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Follows.Where(f => f.FollowerId == follower && f.FolloweeId == followee).ExecuteDeleteAsync(ct) > 0)
            bus.Publish(new FollowsChanged(follower));
    }

    public async Task<bool> IsFollowingAsync(UserId follower, UserId followee, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Follows.AnyAsync(f => f.FollowerId == follower && f.FolloweeId == followee, ct);
    }

    /// <summary>How many follow <paramref name="player"/>, and how many they follow.</summary>
    public async Task<FollowCounts> CountsAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return new FollowCounts(
            await db.Follows.CountAsync(f => f.FolloweeId == player, ct),
            await db.Follows.CountAsync(f => f.FollowerId == player, ct));
    }

    /// <summary>The players following <paramref name="followee"/>, by display name.</summary>
    public async Task<IReadOnlyList<PlayerName>> FollowersAsync(UserId followee, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var players = await (from f in db.Follows
                             join p in db.Players on f.FollowerId equals p.Id
                             where f.FolloweeId == followee
                             select new PlayerName(p.Id, p.UserName, p.DisplayName)).ToListAsync(ct);
        return PlayerName.Sorted(players);
    }

    /// <summary>The players <paramref name="follower"/> follows, by display name.</summary>
    public async Task<IReadOnlyList<PlayerName>> FollowingAsync(UserId follower, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var players = await (from f in db.Follows
                             join p in db.Players on f.FolloweeId equals p.Id
                             where f.FollowerId == follower
                             select new PlayerName(p.Id, p.UserName, p.DisplayName)).ToListAsync(ct);
        return PlayerName.Sorted(players);
    }
}
