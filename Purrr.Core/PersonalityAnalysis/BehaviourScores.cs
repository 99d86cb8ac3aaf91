using Purrr.Core.Cats;

namespace Purrr.Core.PersonalityAnalysis;

/// <summary>The six behaviour scores (0–100), derived from the behaviour features by fixed, documented formulas.</summary>
public sealed record BehaviourScores(int EnergyLevel, int SocialPreference, int ActivityPreference, int Independence, int Trainability, int Aggression)
{
    public IReadOnlyList<(string Name, int Value)> All =>
    [
        ("Energy level", EnergyLevel), ("Social preference", SocialPreference), ("Activity preference", ActivityPreference),
        ("Independence", Independence), ("Trainability", Trainability), ("Aggression", Aggression),
    ];

    public static BehaviourScores From(BehaviourFeatures f)
    {
        var active = f.PlayShare + f.ExploreShare + f.PatrolShare + f.TrainingShare;
        return new(
            // Lively acts against naps, and how busy the days were.
            EnergyLevel: Percent(0.6 * (active + f.RestShare == 0 ? 0.5 : active / (active + f.RestShare)) + 0.4 * f.Busyness),
            // Rooms and company: a cat that spends 40% of its acts with others is as social as they come.
            SocialPreference: Percent(f.SocialShare / 0.4),
            ActivityPreference: Percent(f.PlayRestRatio),
            // Keeps to itself, and about at night when others sleep.
            Independence: Percent(0.7 * (1 - f.SocialShare / 0.4) + 0.3 * Math.Min(1, f.NightShare * 2)),
            Trainability: Percent(0.7 * f.TrainingSuccess + 0.3 * Math.Min(1, f.TrainingShare * 4)),
            // Guarding its turf on patrol.
            Aggression: Percent(f.PatrolShare / 0.45));
    }

    private static int Percent(double share) => (int)Math.Round(Math.Clamp(share, 0, 1) * 100, MidpointRounding.AwayFromZero);
}

/// <summary>How to look after each personality, shown with every analysis (all six, the predicted one first).</summary>
public static class PersonalityCare
{
    public static string Recommendation(Personality personality) => personality switch
    {
        Personality.Playful => "Play often and with toys: play lifts it more than any other cat and tires it less. Paw Match and room games suit it.",
        Personality.Aloof => "Give it quiet: rest restores it best. Keep rooms short and let it choose when to come to you.",
        Personality.Curious => "Keep it learning: training, exploring rooms and scout duty on night watch. Quests pay it extra XP.",
        Personality.Lazy => "Let it nap and feed it well; short play sessions keep it fit. It is rarely truly unhappy.",
        Personality.Territorial => "Give it something to guard: night-watch patrols suit it. Build its strength and keep its space its own.",
        Personality.SocialButterfly => "Take it to live rooms and let it meet other cats; it gets on with every breeding partner.",
        _ => throw new ArgumentOutOfRangeException(nameof(personality), personality, null),
    };
}
