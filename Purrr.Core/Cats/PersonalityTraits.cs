namespace Purrr.Core.Cats;

/// <summary>
/// How a personality changes a cat's gains (spec §3). 1.0 means "as any cat"; amounts are multiplied and then
/// rounded to whole points (halves away from zero).
/// </summary>
public sealed record PersonalityTraits
{
    /// <summary>Share of the energy spent on play that comes back (playful: ×1.2, so play leaves it livelier).</summary>
    public double PlayEnergyRefund { get; init; }
    public double PlayHappiness { get; init; } = 1;
    public double AgilityGrowth { get; init; } = 1;
    public double RestHappiness { get; init; } = 1;
    public double EnergyUse { get; init; } = 1;
    public double QuestXp { get; init; } = 1;
    public double IntelligenceGrowth { get; init; } = 1;
    public double Xp { get; init; } = 1;
    public int HappinessFloor { get; init; }
    public double TerritoryBonus { get; init; } = 1;
    public double StrengthGrowth { get; init; } = 1;
    public double SocialXp { get; init; } = 1;
    public double CharismaGrowth { get; init; } = 1;
    public int BreedingCompatibilityBonus { get; init; }

    private static readonly PersonalityTraits Playful = new() { PlayEnergyRefund = 1.2, PlayHappiness = 1.5, AgilityGrowth = 1.2 };
    private static readonly PersonalityTraits Aloof = new() { RestHappiness = 1.3, EnergyUse = 0.9 };
    private static readonly PersonalityTraits Curious = new() { QuestXp = 1.25, IntelligenceGrowth = 1.2 };
    private static readonly PersonalityTraits Lazy = new() { EnergyUse = 0.8, Xp = 0.9, HappinessFloor = 30 };
    private static readonly PersonalityTraits Territorial = new() { TerritoryBonus = 1.5, StrengthGrowth = 1.2 };
    private static readonly PersonalityTraits SocialButterfly = new() { SocialXp = 1.25, CharismaGrowth = 1.2, BreedingCompatibilityBonus = 10 };

    public static PersonalityTraits Of(Personality personality) => personality switch
    {
        Personality.Playful => Playful,
        Personality.Aloof => Aloof,
        Personality.Curious => Curious,
        Personality.Lazy => Lazy,
        Personality.Territorial => Territorial,
        Personality.SocialButterfly => SocialButterfly,
        _ => throw new ArgumentOutOfRangeException(nameof(personality), personality, null),
    };

    /// <summary>An amount scaled by a multiplier, as whole points.</summary>
    public static int Scale(int amount, double multiplier) => (int)Math.Round(amount * multiplier, MidpointRounding.AwayFromZero);
}
