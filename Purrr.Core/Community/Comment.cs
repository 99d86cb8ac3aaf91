using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>A comment on a post; <see cref="ParentId"/> makes threads. Edited in place, soft-deleted.</summary>
public sealed class Comment
{
    public const int BodyMaxLength = 5_000;

    private Comment() { } // for EF Core

    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public Guid? ParentId { get; private set; }
    public UserId AuthorId { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Removed by a moderator (shown as removed; restorable).</summary>
    public bool Removed { get; private set; }

    internal static Comment Create(Guid post, Guid? parent, UserId author, string body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), PostId = post, ParentId = parent, AuthorId = author, Body = body, CreatedAt = now,
    };

    internal void Edit(string body, DateTimeOffset now)
    {
        Body = body;
        EditedAt = now;
    }

    internal void SoftDelete(DateTimeOffset now) => DeletedAt ??= now;

    internal void SetRemoved(bool removed) => Removed = removed;
}

public enum ReactionType { Like, Love, Laugh, Wow, Sad, Angry }

public enum ReactionTarget { Post, Comment }

/// <summary>One reaction of one user on a post or comment; at most one of each type per user and target.</summary>
public sealed class Reaction
{
    private Reaction() { } // for EF Core

    public Guid Id { get; private set; }
    public ReactionTarget TargetKind { get; private set; }
    public Guid TargetId { get; private set; }
    public UserId UserId { get; private set; }
    public ReactionType Type { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    internal static Reaction Create(ReactionTarget kind, Guid target, UserId user, ReactionType type, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), TargetKind = kind, TargetId = target, UserId = user, Type = type, CreatedAt = now,
    };
}

/// <summary>A post's 7-day trending score (spec §8), recomputed hourly into this table by a background service.</summary>
public sealed class TrendingScore
{
    private TrendingScore() { } // for EF Core

    public Guid PostId { get; private set; }
    public double Score { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }

    internal static TrendingScore Of(Guid post, double score, DateTimeOffset now) => new() { PostId = post, Score = score, ComputedAt = now };

    internal void Update(double score, DateTimeOffset now)
    {
        Score = score;
        ComputedAt = now;
    }
}
