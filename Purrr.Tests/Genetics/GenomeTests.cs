using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Tests.Genetics;

[Trait("Category", "Unit")]
public class GenomeTests
{
    [Fact]
    public void A_genome_survives_a_round_trip_through_its_code()
    {
        const string code = "O/b d/D T/t S/s Cu/Bl l/L 55/60/48/100";
        var genome = Genome.Parse(code);
        Assert.Equal(code, genome.ToCode());
        Assert.Equal(new StatPotentials(55, 60, 48, 100), genome.Potentials);
        Assert.Equal(new AllelePair<EyeColorAllele>(EyeColorAllele.Copper, EyeColorAllele.Blue), genome.EyeColor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("O/b d/D T/t S/s Cu/Bl l/L")] // no potentials
    [InlineData("X/b d/D T/t S/s Cu/Bl l/L 50/50/50/50")] // unknown allele
    [InlineData("O/b d/D T/t S/s Cu/Bl l/L 50/50/50/101")] // potential above 100
    [InlineData("O/b/B d/D T/t S/s Cu/Bl l/L 50/50/50/50")] // three alleles
    public void Malformed_codes_are_rejected(string code) => Assert.False(Genome.TryParse(code, out _));

    [Fact]
    public void The_same_seed_draws_the_same_founder()
    {
        var pool = Breeds.Find("domestic_shorthair")!.GenePool;
        Assert.Equal(pool.DrawFounder(new SeededRandomSource(7)), pool.DrawFounder(new SeededRandomSource(7)));
    }

    [Fact]
    public void A_breed_with_fixed_alleles_always_shows_its_look()
    {
        var russianBlue = Breeds.Find("russian_blue")!.GenePool;
        var random = new SeededRandomSource(1);
        for (var i = 0; i < 50; i++)
        {
            var look = Phenotype.Of(russianBlue.DrawFounder(random));
            Assert.Equal(new Phenotype(CoatColor.Blue, CoatPattern.Solid, WhiteSpotting.None, EyeColor.Green, LongHair: false), look);
        }
    }

    [Fact]
    public void Founders_of_a_mixed_breed_differ_and_potentials_stay_between_0_and_100()
    {
        var pool = Breeds.Find("domestic_shorthair")!.GenePool;
        var random = new SeededRandomSource(3);
        var founders = Enumerable.Range(0, 200).Select(_ => pool.DrawFounder(random)).ToList();

        Assert.True(founders.Select(f => Phenotype.Of(f)).Distinct().Count() > 10, "a street-cat litter should show many looks");
        Assert.All(founders, f =>
        {
            foreach (var potential in new[] { f.Potentials.Strength, f.Potentials.Agility, f.Potentials.Intelligence, f.Potentials.Charisma })
                Assert.InRange(potential, 0, 100);
        });
    }

    [Fact]
    public void Allele_frequencies_are_respected_over_many_draws()
    {
        var frequencies = AlleleFrequencies<TabbyAllele>.Of((TabbyAllele.Tabby, 0.25), (TabbyAllele.Solid, 0.75));
        var random = new SeededRandomSource(11);
        var tabby = Enumerable.Range(0, 10_000).Count(_ => frequencies.Draw(random) == TabbyAllele.Tabby);
        Assert.InRange(tabby, 2_300, 2_700);
    }
}
