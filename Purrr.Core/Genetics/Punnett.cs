namespace Purrr.Core.Genetics;

/// <summary>One look a kitten can have, how likely it is, and a genome that shows it (for drawing).</summary>
public sealed record PhenotypeOdds(Phenotype Phenotype, double Probability, Genome Example);

/// <summary>
/// Exact odds of each kitten look, from the Punnett squares of all six loci together: every combination of the
/// parents' alleles (4 per locus, 4⁶ in all) is equally likely. Rare mutations (at most 5% per locus) are left out.
/// </summary>
public static class Punnett
{
    public static IReadOnlyList<PhenotypeOdds> Odds(Genome mother, Genome father)
    {
        var colors = Square(mother.Color, father.Color);
        var dilutions = Square(mother.Dilution, father.Dilution);
        var patterns = Square(mother.Pattern, father.Pattern);
        var whites = Square(mother.WhiteSpotting, father.WhiteSpotting);
        var eyes = Square(mother.EyeColor, father.EyeColor);
        var lengths = Square(mother.CoatLength, father.CoatLength);
        var potentials = new StatPotentials(
            (mother.Potentials.Strength + father.Potentials.Strength) / 2,
            (mother.Potentials.Agility + father.Potentials.Agility) / 2,
            (mother.Potentials.Intelligence + father.Potentials.Intelligence) / 2,
            (mother.Potentials.Charisma + father.Potentials.Charisma) / 2);

        var counts = new Dictionary<Phenotype, (int Count, Genome Example)>();
        foreach (var color in colors)
        foreach (var dilution in dilutions)
        foreach (var pattern in patterns)
        foreach (var white in whites)
        foreach (var eye in eyes)
        foreach (var length in lengths)
        {
            var genome = new Genome(color, dilution, pattern, white, eye, length, potentials);
            var look = Phenotype.Of(genome);
            counts[look] = counts.TryGetValue(look, out var seen) ? (seen.Count + 1, seen.Example) : (1, genome);
        }

        var total = (double)counts.Values.Sum(c => c.Count);
        return counts
            .Select(c => new PhenotypeOdds(c.Key, c.Value.Count / total, c.Value.Example))
            .OrderByDescending(o => o.Probability)
            .ThenBy(o => o.Phenotype.Describe(), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The four equally likely allele pairs of a kitten at one locus.</summary>
    public static AllelePair<T>[] Square<T>(AllelePair<T> mother, AllelePair<T> father) where T : struct, Enum =>
    [
        new(mother.First, father.First), new(mother.First, father.Second),
        new(mother.Second, father.First), new(mother.Second, father.Second),
    ];
}
