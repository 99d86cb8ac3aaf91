namespace Purrr.Core.Cats;

public enum Personality { Playful, Aloof, Curious, Lazy, Territorial, SocialButterfly }

public static class Personalities
{
    public static readonly IReadOnlyList<Personality> All = Enum.GetValues<Personality>();

    public static string DisplayName(this Personality personality) => personality switch
    {
        Personality.SocialButterfly => "Social butterfly",
        _ => personality.ToString(),
    };

    /// <summary>One sentence a player reads on the cat page.</summary>
    public static string Describe(this Personality personality) => personality switch
    {
        Personality.Playful => "Lives for games: play makes it happier than most and costs it less energy.",
        Personality.Aloof => "Independent and self-possessed: it recharges best in peace and quiet.",
        Personality.Curious => "Into everything: it learns fast and gets more from quests and exploring.",
        Personality.Lazy => "A champion napper: it spends little energy and is rarely truly unhappy.",
        Personality.Territorial => "Guards what is its own: strong, and at its best defending its turf.",
        Personality.SocialButterfly => "Loves company: it shines in rooms and gets along with every partner.",
        _ => throw new ArgumentOutOfRangeException(nameof(personality), personality, null),
    };
}
