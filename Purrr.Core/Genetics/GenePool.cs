using Purrr.Core.Common;

namespace Purrr.Core.Genetics;

/// <summary>How common each allele is in a population; a founder cat draws each of its alleles from here.</summary>
public sealed record AlleleFrequencies<T>(IReadOnlyList<(T Allele, double Weight)> Weights) where T : struct, Enum
{
    public static AlleleFrequencies<T> Only(T allele) => new([(allele, 1.0)]);

    public static AlleleFrequencies<T> Of(params (T Allele, double Weight)[] weights) => new(weights);

    public T Draw(IRandomSource random)
    {
        var total = Weights.Sum(w => w.Weight);
        var roll = random.NextDouble() * total;
        foreach (var (allele, weight) in Weights)
        {
            if (roll < weight)
                return allele;
            roll -= weight;
        }
        return Weights[^1].Allele;
    }

    public AllelePair<T> DrawPair(IRandomSource random) => new(Draw(random), Draw(random));
}

/// <summary>The allele frequencies of a breed (or of the street-cat population) and its stat tendencies.</summary>
public sealed record GenePool
{
    public AlleleFrequencies<CoatColorAllele> Color { get; init; } = AlleleFrequencies<CoatColorAllele>.Of(
        (CoatColorAllele.Orange, 0.25), (CoatColorAllele.Black, 0.6), (CoatColorAllele.Chocolate, 0.15));

    public AlleleFrequencies<DiluteAllele> Dilution { get; init; } = AlleleFrequencies<DiluteAllele>.Of(
        (DiluteAllele.Dense, 0.7), (DiluteAllele.Dilute, 0.3));

    public AlleleFrequencies<TabbyAllele> Pattern { get; init; } = AlleleFrequencies<TabbyAllele>.Of(
        (TabbyAllele.Tabby, 0.55), (TabbyAllele.Solid, 0.45));

    public AlleleFrequencies<WhiteSpottingAllele> WhiteSpotting { get; init; } = AlleleFrequencies<WhiteSpottingAllele>.Of(
        (WhiteSpottingAllele.Spotted, 0.3), (WhiteSpottingAllele.None, 0.7));

    public AlleleFrequencies<EyeColorAllele> EyeColor { get; init; } = AlleleFrequencies<EyeColorAllele>.Of(
        (EyeColorAllele.Copper, 0.4), (EyeColorAllele.Green, 0.4), (EyeColorAllele.Blue, 0.2));

    public AlleleFrequencies<CoatLengthAllele> CoatLength { get; init; } = AlleleFrequencies<CoatLengthAllele>.Of(
        (CoatLengthAllele.Short, 0.75), (CoatLengthAllele.Long, 0.25));

    /// <summary>Mean stat potentials of the population, before individual spread.</summary>
    public StatPotentials MeanPotentials { get; init; } = new(50, 50, 50, 50);

    /// <summary>Spread of founder potentials around the mean.</summary>
    public const double PotentialSpread = 12;

    /// <summary>A founder cat: every allele drawn independently from the population.</summary>
    public Genome DrawFounder(IRandomSource random) => new(
        Color.DrawPair(random),
        Dilution.DrawPair(random),
        Pattern.DrawPair(random),
        WhiteSpotting.DrawPair(random),
        EyeColor.DrawPair(random),
        CoatLength.DrawPair(random),
        new StatPotentials(
            DrawPotential(MeanPotentials.Strength, random),
            DrawPotential(MeanPotentials.Agility, random),
            DrawPotential(MeanPotentials.Intelligence, random),
            DrawPotential(MeanPotentials.Charisma, random)));

    private static int DrawPotential(int mean, IRandomSource random) =>
        Math.Clamp((int)Math.Round(random.NextGaussian(mean, PotentialSpread)), 0, 100);
}
