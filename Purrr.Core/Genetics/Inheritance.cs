using Purrr.Core.Common;

namespace Purrr.Core.Genetics;

/// <summary>
/// How a kitten's genome comes from its parents (spec §4): one allele per locus from each parent, a small chance
/// of mutation per locus, and stat potentials near the parents' mean.
/// </summary>
public static class Inheritance
{
    public const double BaseMutationRate = 0.01;
    public const double MaxMutationRate = 0.05;

    /// <summary>How much each unit of parent diversity raises the mutation rate.</summary>
    public const double MutationRatePerDiversity = 0.06;

    public const double PotentialSpread = 5;

    private const int LocusCount = 6;

    /// <summary>0–1: the share of loci where the two parents' genotypes differ.</summary>
    public static double Diversity(Genome a, Genome b)
    {
        var differing = (Same(a.Color, b.Color) ? 0 : 1) + (Same(a.Dilution, b.Dilution) ? 0 : 1)
            + (Same(a.Pattern, b.Pattern) ? 0 : 1) + (Same(a.WhiteSpotting, b.WhiteSpotting) ? 0 : 1)
            + (Same(a.EyeColor, b.EyeColor) ? 0 : 1) + (Same(a.CoatLength, b.CoatLength) ? 0 : 1);
        return differing / (double)LocusCount;
    }

    /// <summary>1% per locus, raised by parent diversity, never above 5%.</summary>
    public static double MutationRate(Genome mother, Genome father) =>
        Math.Min(MaxMutationRate, BaseMutationRate + MutationRatePerDiversity * Diversity(mother, father));

    public static Genome Child(Genome mother, Genome father, IRandomSource random)
    {
        var rate = MutationRate(mother, father);
        return new Genome(
            Cross(Loci.Color, mother.Color, father.Color, rate, random),
            Cross(Loci.Dilution, mother.Dilution, father.Dilution, rate, random),
            Cross(Loci.Pattern, mother.Pattern, father.Pattern, rate, random),
            Cross(Loci.WhiteSpotting, mother.WhiteSpotting, father.WhiteSpotting, rate, random),
            Cross(Loci.EyeColor, mother.EyeColor, father.EyeColor, rate, random),
            Cross(Loci.CoatLength, mother.CoatLength, father.CoatLength, rate, random),
            new StatPotentials(
                ChildPotential(mother.Potentials.Strength, father.Potentials.Strength, random),
                ChildPotential(mother.Potentials.Agility, father.Potentials.Agility, random),
                ChildPotential(mother.Potentials.Intelligence, father.Potentials.Intelligence, random),
                ChildPotential(mother.Potentials.Charisma, father.Potentials.Charisma, random)));
    }

    /// <summary>The allele a parent passes on: either of its two, evenly.</summary>
    public static T Pass<T>(AllelePair<T> parent, IRandomSource random) where T : struct, Enum =>
        random.NextDouble() < 0.5 ? parent.First : parent.Second;

    private static AllelePair<T> Cross<T>(Locus<T> locus, AllelePair<T> mother, AllelePair<T> father, double mutationRate, IRandomSource random)
        where T : struct, Enum
    {
        var fromMother = Pass(mother, random);
        var fromFather = Pass(father, random);
        if (random.NextDouble() < mutationRate)
        {
            // A mutation turns one of the two copies into the locus's rare allele.
            if (random.NextDouble() < 0.5)
                fromMother = locus.Rare;
            else
                fromFather = locus.Rare;
        }
        return new AllelePair<T>(fromMother, fromFather);
    }

    private static int ChildPotential(int mother, int father, IRandomSource random) =>
        Math.Clamp((int)Math.Round(random.NextGaussian((mother + father) / 2.0, PotentialSpread)), 0, 100);

    private static bool Same<T>(AllelePair<T> a, AllelePair<T> b) where T : struct, Enum =>
        (EqualityComparer<T>.Default.Equals(a.First, b.First) && EqualityComparer<T>.Default.Equals(a.Second, b.Second))
        || (EqualityComparer<T>.Default.Equals(a.First, b.Second) && EqualityComparer<T>.Default.Equals(a.Second, b.First));
}
