using System.Text;
using System.Text.RegularExpressions;
using Purrr.Core.Cats;
using Purrr.Core.Common;

namespace Purrr.Core.Rooms;

/// <summary>What you can do in a live room (spec §7), as plain functions.</summary>
public static partial class RoomRules
{
    public const int MinEnergyToJoin = 20;
    public const int MinMoodToJoin = 30;

    /// <summary>The floor is a 100 × 60 grid (the SVG's view box); cats stand on whole points of it.</summary>
    public const int Width = 100;
    public const int Height = 60;

    public const int MoveEnergy = 1;
    public const int ChatEnergy = 1;
    public const int ChatMaxLength = 1024;

    public static readonly TimeSpan TypingTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Every move, message and activity counts; typing does not (<see cref="Security.RateLimitPolicy.RoomActions"/>).</summary>
    public static int ActionsPerMinute => Security.RateLimitPolicy.RoomActions.Limit;

    /// <summary>Why this cat can't join a room now, or null.</summary>
    public static Problem? WhyCannotJoin(Cat cat) =>
        cat.IsNeglected ? new($"{cat.Name} is too unwell for company. Care for them first.")
        : cat.Stats.Energy < MinEnergyToJoin ? new($"{cat.Name} is too tired for a room (energy {cat.Stats.Energy}, needs {MinEnergyToJoin}). Let them rest first.")
        : cat.Stats.Mood < MinMoodToJoin ? new($"{cat.Name} isn't in the mood for company (mood {cat.Stats.Mood}, needs {MinMoodToJoin}). Play or cuddle first.")
        : null;

    /// <summary>The fullest open room with space (lowest number on a tie), or the lowest number not open yet.</summary>
    public static int ChooseRoom(RoomType type, IReadOnlyDictionary<int, int> membersByOpenRoom)
    {
        var capacity = RoomTypes.Capacity(type);
        var withSpace = membersByOpenRoom.Where(r => r.Value < capacity).OrderByDescending(r => r.Value).ThenBy(r => r.Key).ToList();
        if (withSpace.Count > 0)
            return withSpace[0].Key;
        var number = 1;
        while (membersByOpenRoom.ContainsKey(number))
            number++;
        return number;
    }

    public static bool IsInside(int x, int y) => x is >= 0 and <= Width && y is >= 0 and <= Height;

    /// <summary>Where the n-th cat to arrive first stands: spread over the floor, never outside it.</summary>
    public static (int X, int Y) Entrance(int arrival) => (10 + arrival * 37 % 81, 12 + arrival * 23 % 37);

    /// <summary>
    /// A chat message as it will be stored and shown: trimmed, control characters removed, line breaks kept. Messages are
    /// plain text, so anything that looks like an HTML tag is refused rather than silently mangled.
    /// </summary>
    public static Result<string> CleanMessage(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? "")
        {
            if (c == '\n' || !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
                builder.Append(c);
        }
        var clean = builder.ToString().Replace("\r", "").Trim();
        if (clean.Length == 0)
            return Result<string>.Failure("Write something first.", "message");
        if (clean.Length > ChatMaxLength)
            return Result<string>.Failure($"Messages can be at most {ChatMaxLength:N0} characters (this one has {clean.Length:N0}).", "message");
        if (HtmlTag().Match(clean) is { Success: true } tag)
            return Result<string>.Failure($"Messages are plain text: remove {tag.Value}.", "message");
        return clean;
    }

    // What a browser would read as a tag (a letter right after "<"), and any spelling of "<script".
    [GeneratedRegex(@"<[a-zA-Z][^>]*>|</\s*[a-zA-Z]|<[a-zA-Z]+[\s/]|<\s*script", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();
}
