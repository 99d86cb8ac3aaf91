using System.Diagnostics.CodeAnalysis;

namespace Purrr.Core.Rooms;

public enum RoomType { Playground, TrainingArena, SocialLounge, AdventureZone, PartyRoom }

/// <summary>The five kinds of live room (spec §7) with their capacities and names.</summary>
public static class RoomTypes
{
    public static readonly IReadOnlyList<RoomType> All = Enum.GetValues<RoomType>();

    public static int Capacity(RoomType type) => type switch
    {
        RoomType.Playground => 15,
        RoomType.TrainingArena => 8,
        RoomType.SocialLounge => 12,
        RoomType.AdventureZone => 10,
        RoomType.PartyRoom => 25,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Name(RoomType type) => type switch
    {
        RoomType.Playground => "Playground",
        RoomType.TrainingArena => "Training arena",
        RoomType.SocialLounge => "Social lounge",
        RoomType.AdventureZone => "Adventure zone",
        _ => "Party room",
    };

    public static string Description(RoomType type) => type switch
    {
        RoomType.Playground => "Chase, pounce and tumble with other cats.",
        RoomType.TrainingArena => "A quiet floor for practice: small groups, serious cats.",
        RoomType.SocialLounge => "Cushions, sunny windows and plenty of company.",
        RoomType.AdventureZone => "Boxes, tunnels and shelves to explore.",
        _ => "The big one: up to 25 cats at once.",
    };

    /// <summary>The room type's part of a room's address ("training-arena").</summary>
    public static string Slug(RoomType type) => type switch
    {
        RoomType.Playground => "playground",
        RoomType.TrainingArena => "training-arena",
        RoomType.SocialLounge => "social-lounge",
        RoomType.AdventureZone => "adventure-zone",
        _ => "party-room",
    };

    public static bool TryParseSlug(string? slug, out RoomType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Slug(candidate), slug, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}

/// <summary>
/// One room: its type and its number among rooms of that type ("playground-2"). Rooms open when the first cat joins
/// and close when the last leaves; the key stays the same, so a reopened room shows its chat history.
/// </summary>
public readonly record struct RoomKey(RoomType Type, int Number)
{
    public const int MaxLength = 40;

    public string Name => $"{RoomTypes.Name(Type)} {Number}";

    public int Capacity => RoomTypes.Capacity(Type);

    public override string ToString() => $"{RoomTypes.Slug(Type)}-{Number}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out RoomKey? key)
    {
        key = null;
        var dash = text?.LastIndexOf('-') ?? -1;
        if (dash <= 0 || !RoomTypes.TryParseSlug(text![..dash], out var type)
            || !int.TryParse(text[(dash + 1)..], System.Globalization.NumberStyles.None, null, out var number) || number < 1)
            return false;
        key = new RoomKey(type, number);
        return true;
    }
}
