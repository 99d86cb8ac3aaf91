using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Genetics;

namespace Purrr.Core.Rooms;

/// <summary>A cat in a room as every viewer sees it. <see cref="Energy"/> is live (moves and messages spend it).</summary>
public sealed record RoomMemberView(CatId Cat, string CatName, Genome Genome, UserId Owner, string OwnerName, string OwnerUserName, int X, int Y, bool IsTyping, int Energy);

public sealed record ChatMessageView(long Id, CatId Cat, string CatName, UserId Author, string Text, DateTimeOffset SentAt);

/// <summary>A room as a newcomer sees it: who is there and the recent chat.</summary>
public sealed record RoomView(RoomKey Key, IReadOnlyList<RoomMemberView> Members, IReadOnlyList<ChatMessageView> Chat);

/// <summary>An open room in the lobby.</summary>
public sealed record RoomSummary(RoomKey Key, int Members)
{
    public bool IsFull => Members >= Key.Capacity;
}

/// <summary>One of the player's cats sitting in a room right now.</summary>
public sealed record RoomSeat(RoomKey Room, CatId Cat, string CatName);

/// <summary>A cat of the player with whether it may join a room now, and why not.</summary>
public sealed record RoomCandidate(CatId Cat, string Name, Genome Genome, int Energy, int Mood, string? Unavailable);

/// <summary>Something that happened in one room; viewers of that room follow its <see cref="Topic"/>.</summary>
public abstract record RoomEvent(RoomKey Room) : ITopicEvent
{
    public string Topic => TopicOf(Room);

    public static string TopicOf(RoomKey room) => $"room:{room}";
}

public sealed record MemberJoined(RoomKey Room, RoomMemberView Member) : RoomEvent(Room);

public sealed record MemberLeft(RoomKey Room, CatId Cat, string CatName, UserId Owner) : RoomEvent(Room);

public sealed record CatMoved(RoomKey Room, CatId Cat, int X, int Y, int Energy) : RoomEvent(Room);

public sealed record TypingChanged(RoomKey Room, CatId Cat, bool IsTyping) : RoomEvent(Room);

public sealed record ChatPosted(RoomKey Room, ChatMessageView Message, int Energy) : RoomEvent(Room);

public sealed record ActivityPerformed(RoomKey Room, CatId Cat, RoomActivity Activity, CatId? Partner, string Message, int Energy) : RoomEvent(Room);

/// <summary>A room opened, closed or changed head count (the lobby and the admin dashboard follow these).</summary>
public sealed record RoomOccupancyChanged(RoomKey Room, int Members);
