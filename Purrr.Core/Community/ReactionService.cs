using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Community;

/// <summary>The six reactions (spec §8) as players see them.</summary>
public static class ReactionKinds
{
    public static IReadOnlyList<ReactionType> All { get; } = Enum.GetValues<ReactionType>();

    public static string Emoji(ReactionType type) => type switch
    {
        ReactionType.Like => "👍",
        ReactionType.Love => "❤️",
        ReactionType.Laugh => "😂",
        ReactionType.Wow => "😮",
        ReactionType.Sad => "😢",
        _ => "😠",
    };

    public static string Name(ReactionType type) => type.ToString();
}

/// <summary>How many reacted with one type, the latest few of them by name, and whether the viewer did.</summary>
public sealed record ReactionCount(ReactionType Type, int Count, IReadOnlyList<string> Who, bool Mine)
{
    /// <summary>"luna, milo and 3 others" — who reacted, for a tooltip or a list.</summary>
    public string WhoText => Count == 0 ? "" : Who.Count >= Count ? string.Join(", ", Who) : $"{string.Join(", ", Who)} and {Count - Who.Count} more";
}

/// <summary>A target's reactions: always all six types, in order, so buttons never move.</summary>
public sealed record ReactionSummary(IReadOnlyList<ReactionCount> Counts)
{
    public static ReactionSummary None { get; } = new([.. ReactionKinds.All.Select(t => new ReactionCount(t, 0, [], false))]);

    public int Total => Counts.Sum(c => c.Count);

    public ReactionCount this[ReactionType type] => Counts[(int)type];
}

/// <summary>Reactions on posts and comments: one of each type per player and target; the post's author hears of them.</summary>
public sealed class ReactionService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    /// <summary>How many names a summary carries per type (the count is always exact).</summary>
    public const int NamesShown = 10;

    public async Task<Result<ReactionSummary>> ReactAsync(UserId player, ReactionTarget kind, Guid target, ReactionType type, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(type))
            return Result<ReactionSummary>.Failure("That isn't a reaction.");
        Guid? post = null;
        UserId? notified = null;
        var added = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var found = await FindAsync(db, kind, target, ct);
            if (found is null)
                return Result<bool>.Failure(kind == ReactionTarget.Post ? "This post isn't available." : "This comment isn't available.");
            if (await db.Reactions.AnyAsync(r => r.TargetKind == kind && r.TargetId == target && r.UserId == player && r.Type == type, ct))
                return Result<bool>.Failure($"You already reacted with {ReactionKinds.Name(type)}.");
            var now = clock.GetUtcNow();
            db.Reactions.Add(Reaction.Create(kind, target, player, type, now));
            var actor = await db.Players.Where(p => p.Id == player).Select(p => p.DisplayName).FirstAsync(ct);
            var text = kind == ReactionTarget.Post
                ? $"{actor} reacted {ReactionKinds.Emoji(type)} to your post “{found.Title}”."
                : $"{actor} reacted {ReactionKinds.Emoji(type)} to your comment on “{found.Title}”.";
            var told = await Notify.AddAsync(db, found.Author, NotificationType.PostReaction, text, found.Link, player, now, ct);
            await db.SaveChangesAsync(ct); // the unique index turns a double click's second insert away; the retry reads it and says so
            (post, notified) = (found.Post, told ? found.Author : null);
            return Result<bool>.Success(true);
        });
        if (!added.Succeeded)
            return Result<ReactionSummary>.Failure(added.Problems);
        bus.Publish(new PostEngagementChanged(post!.Value));
        if (notified is { } recipient)
            Notify.Announce(bus, [recipient]);
        return await SummaryAsync(kind, target, player, ct);
    }

    /// <summary>Takes back the player's reaction of this type; one not there changes nothing.</summary>
    public async Task<ReactionSummary> UnreactAsync(UserId player, ReactionTarget kind, Guid target, ReactionType type, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var removed = await db.Reactions.Where(r => r.TargetKind == kind && r.TargetId == target && r.UserId == player && r.Type == type).ExecuteDeleteAsync(ct);
            if (removed > 0 && await FindAsync(db, kind, target, ct) is { } found)
                bus.Publish(new PostEngagementChanged(found.Post));
        }
        return await SummaryAsync(kind, target, player, ct);
    }

    public async Task<ReactionSummary> SummaryAsync(ReactionTarget kind, Guid target, UserId? viewer, CancellationToken ct = default) =>
        (await SummariesAsync(kind, [target], viewer, ct)).GetValueOrDefault(target, ReactionSummary.None);

    /// <summary>The reactions on each of <paramref name="targets"/> (targets without any are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, ReactionSummary>> SummariesAsync(ReactionTarget kind, IReadOnlyCollection<Guid> targets, UserId? viewer,
        CancellationToken ct = default)
    {
        if (targets.Count == 0)
            return new Dictionary<Guid, ReactionSummary>();
        await using var db = await dbFactory.CreateAsync(ct);
        var onTargets = db.Reactions.AsNoTracking().Where(r => r.TargetKind == kind && targets.Contains(r.TargetId));
        var counts = await onTargets.GroupBy(r => new { r.TargetId, r.Type }).Select(g => new { g.Key.TargetId, g.Key.Type, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0)
            return new Dictionary<Guid, ReactionSummary>();
        var mine = viewer is { } me
            ? await onTargets.Where(r => r.UserId == me).Select(r => new { r.TargetId, r.Type }).ToListAsync(ct)
            : [];
        // Names of the latest reactors: a bounded read however popular the target.
        var recent = await (from r in onTargets
                            join p in db.Players on r.UserId equals p.Id
                            orderby r.CreatedAt descending
                            select new { r.TargetId, r.Type, p.DisplayName })
            .Take(NamesShown * ReactionKinds.All.Count * Math.Min(targets.Count, 20)).ToListAsync(ct);

        return counts.GroupBy(c => c.TargetId).ToDictionary(g => g.Key, g => new ReactionSummary([.. ReactionKinds.All.Select(type => new ReactionCount(
            type,
            g.FirstOrDefault(c => c.Type == type)?.Count ?? 0,
            [.. recent.Where(r => r.TargetId == g.Key && r.Type == type).Select(r => r.DisplayName).Take(NamesShown)],
            mine.Any(m => m.TargetId == g.Key && m.Type == type)))]));
    }

    private sealed record Target(Guid Post, UserId Author, string Title, string Link);

    /// <summary>The visible post, or the live comment on a visible post, that a reaction is about.</summary>
    private static async Task<Target?> FindAsync(IPurrrDb db, ReactionTarget kind, Guid target, CancellationToken ct)
    {
        if (kind == ReactionTarget.Post)
            return await db.Posts.Visible().Where(p => p.Id == target)
                .Select(p => new Target(p.Id, p.AuthorId, p.Title, PostLinks.Post(p.Slug))).FirstOrDefaultAsync(ct);
        return await (from c in db.Comments
                      join p in db.Posts.Visible() on c.PostId equals p.Id
                      where c.Id == target && c.DeletedAt == null && !c.Removed
                      select new Target(p.Id, c.AuthorId, p.Title, PostLinks.Comment(p.Slug, c.Id))).FirstOrDefaultAsync(ct);
    }
}
