using Purrr.Core.Common;

namespace Purrr.Core.Rooms;

/// <summary>One cat's stay in one room: who was where and when, and how much they did there.</summary>
public sealed class RoomVisit
{
    private RoomVisit() { } // for EF Core

    public Guid Id { get; private set; }
    public string RoomKey { get; private set; } = "";
    public RoomType RoomType { get; private set; }
    public CatId CatId { get; private set; }
    public UserId PlayerId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    /// <summary>Activities done during the visit (moves and messages not counted).</summary>
    public int Activities { get; private set; }

    internal static RoomVisit Start(Guid id, RoomKey room, CatId cat, UserId player, DateTimeOffset at) => new()
    {
        Id = id,
        RoomKey = room.ToString(),
        RoomType = room.Type,
        CatId = cat,
        PlayerId = player,
        JoinedAt = at,
    };

    internal void CountActivity() => Activities++;

    internal void End(DateTimeOffset at) => LeftAt ??= at;
}

/// <summary>A chat message in a room; the newest <see cref="RoomChatMessage.Kept"/> per room are kept and shown on join.</summary>
public sealed class RoomChatMessage
{
    public const int Kept = 100;

    private RoomChatMessage() { } // for EF Core

    public long Id { get; private set; }
    public string RoomKey { get; private set; } = "";
    public UserId PlayerId { get; private set; }
    public CatId CatId { get; private set; }
    public string CatName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    internal static RoomChatMessage Create(RoomKey room, UserId player, CatId cat, string catName, string text, DateTimeOffset at) => new()
    {
        RoomKey = room.ToString(),
        PlayerId = player,
        CatId = cat,
        CatName = catName,
        Text = text,
        SentAt = at,
    };
}
