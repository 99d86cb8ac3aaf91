using Purrr.Core.Common;

namespace Purrr.Core.Companion;

public enum CompanionSpeaker { Player, Cat }

/// <summary>One line of a player's conversation with their cat; the history is kept per cat.</summary>
public sealed class CompanionMessage
{
    private CompanionMessage() { } // for EF Core

    public long Id { get; private set; }
    public CatId CatId { get; private set; }
    public UserId PlayerId { get; private set; }
    public CompanionSpeaker Speaker { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static CompanionMessage Create(CatId cat, UserId player, CompanionSpeaker speaker, string text, DateTimeOffset at) => new()
    {
        CatId = cat,
        PlayerId = player,
        Speaker = speaker,
        Text = text.Length > CompanionRules.StoredMaxLength ? text[..CompanionRules.StoredMaxLength] : text,
        At = at,
    };
}

/// <summary>A line as the chat shows it.</summary>
public sealed record CompanionLine(long Id, CompanionSpeaker Speaker, string Text, DateTimeOffset At)
{
    public static CompanionLine Of(CompanionMessage message) => new(message.Id, message.Speaker, message.Text, message.At);
}

/// <summary>What the player said and what the cat answered, both as stored.</summary>
public sealed record CompanionExchange(CompanionLine Said, CompanionLine Reply);
