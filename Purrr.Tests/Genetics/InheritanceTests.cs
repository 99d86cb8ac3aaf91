using Purrr.Core.Common;
using Purrr.Core.Genetics;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.Genetics;

[Trait("Category", "Unit")]
public class InheritanceTests
{
    private static double Chance(IReadOnlyList<PhenotypeOdds> odds, Func<Phenotype, bool> look) => odds.Where(o => look(o.Phenotype)).Sum(o => o.Probability);

    [Fact]
    public void Two_heterozygous_tabbies_give_75_percent_tabby_kittens()
    {
        var tabby = AGenome("B/B D/D T/t s/s Cu/Cu L/L");
        var odds = Punnett.Odds(tabby, tabby);
        Assert.Equal(0.75, Chance(odds, p => p.Pattern == CoatPattern.Tabby), 12);
        Assert.Equal(0.25, Chance(odds, p => p.Pattern == CoatPattern.Solid), 12);
    }

    [Fact]
    public void Two_bicolours_give_a_quarter_solid_half_bicolour_and_a_quarter_van()
    {
        var bicolour = AGenome("B/B D/D t/t S/s Cu/Cu L/L");
        var odds = Punnett.Odds(bicolour, bicolour);
        Assert.Equal(0.25, Chance(odds, p => p.White == WhiteSpotting.None), 12);
        Assert.Equal(0.50, Chance(odds, p => p.White == WhiteSpotting.Bicolour), 12);
        Assert.Equal(0.25, Chance(odds, p => p.White == WhiteSpotting.Van), 12);
    }

    [Fact]
    public void Dilute_shows_only_in_kittens_with_two_copies()
    {
        var carrier = AGenome("B/B D/d t/t s/s Cu/Cu L/L");
        Assert.Equal(0.25, Chance(Punnett.Odds(carrier, carrier), p => p.Color == CoatColor.Blue), 12);
        Assert.Equal(0.0, Chance(Punnett.Odds(carrier, AGenome("B/B D/D t/t s/s Cu/Cu L/L")), p => p.Color == CoatColor.Blue), 12);
    }

    [Fact]
    public void The_odds_of_every_look_add_up_to_exactly_one()
    {
        var odds = Punnett.Odds(AGenome("O/b D/d T/t S/s Cu/Bl L/l"), AGenome("B/b d/d T/t S/s Gr/Bl L/l"));
        Assert.Equal(1.0, odds.Sum(o => o.Probability), 12);
        Assert.Equal(odds.Count, odds.Select(o => o.Phenotype).Distinct().Count());
        Assert.All(odds, o => Assert.Equal(o.Phenotype, Phenotype.Of(o.Example))); // each example shows its look
    }

    [Fact]
    public void Identical_parents_mutate_at_the_base_1_percent_and_very_different_ones_at_most_5()
    {
        var a = AGenome("O/O D/D T/T S/S Cu/Cu L/L");
        var b = AGenome("b/b d/d t/t s/s Bl/Bl l/l");
        Assert.Equal(0.0, Inheritance.Diversity(a, a));
        Assert.Equal(1.0, Inheritance.Diversity(a, b));
        Assert.Equal(0.01, Inheritance.MutationRate(a, a), 12);
        Assert.Equal(0.05, Inheritance.MutationRate(a, b), 12); // 1% + 6% would be 7%: capped
        Assert.Equal(0.03, Inheritance.MutationRate(a, AGenome("b/b d/d T/T S/S Cu/Cu L/L")), 12); // a third differs: 1% + 2%
    }

    [Fact]
    public void Each_parent_passes_one_allele_per_locus()
    {
        var mother = AGenome("O/O D/D T/T S/S Cu/Cu L/L");
        var father = AGenome("b/b d/d t/t s/s Bl/Bl l/l");
        var random = new SeededRandomSource(5);
        var kittens = Enumerable.Range(0, 500).Select(_ => Inheritance.Child(mother, father, random)).ToList();

        // Without a mutation every kitten is O/b D/d T/t S/s Cu/Bl L/l: one copy from each side.
        var plain = kittens.Count(k => k.ToCode().StartsWith("O/b D/d T/t S/s Cu/Bl L/l", StringComparison.Ordinal));
        Assert.InRange(plain, 500 * 0.70, 500); // 5% per locus over six loci leaves ~74% untouched
    }

    [Fact]
    public void A_mutation_always_yields_the_locus_rare_allele()
    {
        var parent = AGenome("B/B D/D t/t s/s Bl/Bl L/L");
        var random = new SeededRandomSource(11);
        var kittens = Enumerable.Range(0, 20_000).Select(_ => Inheritance.Child(parent, parent, random)).ToList();

        var mutatedColor = kittens.Count(k => !k.Color.IsHomozygous);
        Assert.InRange(mutatedColor / 20_000.0, 0.007, 0.013); // the base 1%
        Assert.All(kittens.Where(k => !k.Color.IsHomozygous), k => Assert.True(Loci.Color.Carries(k.Color)));
        Assert.All(kittens.Where(k => !k.EyeColor.IsHomozygous), k => Assert.True(Loci.EyeColor.Carries(k.EyeColor)));
        Assert.Contains(kittens, k => Phenotype.Of(k).IsRare); // dominant rare alleles show at once
    }

    [Fact]
    public void Kitten_potentials_center_on_the_parents_mean_with_a_spread_of_about_5()
    {
        var mother = AGenome("B/B D/D t/t s/s Cu/Cu L/L 80/40/60/60");
        var father = AGenome("B/B D/D t/t s/s Cu/Cu L/L 40/40/60/100");
        var random = new SeededRandomSource(3);
        var strengths = Enumerable.Range(0, 4000).Select(_ => Inheritance.Child(mother, father, random).Potentials.Strength).ToList();

        var mean = strengths.Average();
        var spread = Math.Sqrt(strengths.Average(s => (s - mean) * (s - mean)));
        Assert.InRange(mean, 59.5, 60.5);
        Assert.InRange(spread, 4.5, 5.5);
        Assert.All(Enumerable.Range(0, 500).Select(_ => Inheritance.Child(mother, father, random)), k => Assert.InRange(k.Potentials.Charisma, 0, 100));
    }
}
