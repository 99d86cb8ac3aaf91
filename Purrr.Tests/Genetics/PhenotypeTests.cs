using Purrr.Core.Genetics;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.Genetics;

[Trait("Category", "Unit")]
public class PhenotypeTests
{
    [Theory]
    [InlineData("O/B", CoatColor.Red)]
    [InlineData("B/O", CoatColor.Red)]
    [InlineData("O/b", CoatColor.Red)]
    [InlineData("B/b", CoatColor.Black)]
    [InlineData("b/B", CoatColor.Black)]
    [InlineData("b/b", CoatColor.Chocolate)]
    public void Orange_dominates_black_which_dominates_chocolate(string colorAlleles, CoatColor expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"{colorAlleles} D/D t/t s/s Cu/Cu L/L")).Color);

    [Theory]
    [InlineData("O/O", CoatColor.Cream)]
    [InlineData("B/b", CoatColor.Blue)]
    [InlineData("b/b", CoatColor.Lilac)]
    public void Two_dilute_alleles_dilute_every_colour(string colorAlleles, CoatColor expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"{colorAlleles} d/d t/t s/s Cu/Cu L/L")).Color);

    [Theory]
    [InlineData("D/d")]
    [InlineData("d/D")]
    public void One_dilute_allele_does_not_show(string dilution) =>
        Assert.Equal(CoatColor.Black, Phenotype.Of(AGenome($"B/B {dilution} t/t s/s Cu/Cu L/L")).Color);

    [Theory]
    [InlineData("s/s", WhiteSpotting.None)]
    [InlineData("S/s", WhiteSpotting.Bicolour)]
    [InlineData("s/S", WhiteSpotting.Bicolour)]
    [InlineData("S/S", WhiteSpotting.Van)]
    public void White_spotting_is_incompletely_dominant(string spotting, WhiteSpotting expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"B/B D/D t/t {spotting} Cu/Cu L/L")).White);

    [Theory]
    [InlineData("T/T", CoatPattern.Tabby)]
    [InlineData("T/t", CoatPattern.Tabby)]
    [InlineData("t/t", CoatPattern.Solid)]
    [InlineData("Ta/t", CoatPattern.Ticked)]
    [InlineData("T/Ta", CoatPattern.Ticked)]
    public void Tabby_is_dominant_over_solid_and_rare_ticking_over_both(string pattern, CoatPattern expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"B/B D/D {pattern} s/s Cu/Cu L/L")).Pattern);

    [Theory]
    [InlineData("Cu/Bl", EyeColor.Copper)]
    [InlineData("Gr/Cu", EyeColor.Copper)]
    [InlineData("Gr/Bl", EyeColor.Green)]
    [InlineData("Bl/Bl", EyeColor.Blue)]
    public void Copper_eyes_dominate_green_which_dominate_blue(string eyes, EyeColor expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"B/B D/D t/t s/s {eyes} L/L")).Eyes);

    [Theory]
    [InlineData("L/L", false)]
    [InlineData("L/l", false)]
    [InlineData("l/l", true)]
    public void Long_hair_is_recessive(string length, bool longHair) =>
        Assert.Equal(longHair, Phenotype.Of(AGenome($"B/B D/D t/t s/s Cu/Cu {length}")).LongHair);

    [Theory]
    [InlineData("B/bl", CoatColor.Black)]
    [InlineData("b/bl", CoatColor.Chocolate)]
    [InlineData("bl/bl", CoatColor.Cinnamon)]
    public void Rare_cinnamon_is_recessive_even_to_chocolate(string colorAlleles, CoatColor expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"{colorAlleles} D/D t/t s/s Cu/Cu L/L")).Color);

    [Theory]
    [InlineData("Od/Bl", EyeColor.OddEyed)]
    [InlineData("Od/Gr", EyeColor.Green)]
    [InlineData("Cu/Od", EyeColor.Copper)]
    public void Rare_odd_eyes_show_only_over_blue(string eyes, EyeColor expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome($"B/B D/D t/t s/s {eyes} L/L")).Eyes);

    [Fact]
    public void One_copy_of_a_dominant_rare_allele_shows_and_is_flagged_rare()
    {
        var silver = Phenotype.Of(AGenome("B/B I/d t/t s/s Cu/Cu L/L"));
        var curly = Phenotype.Of(AGenome("B/B D/D t/t s/s Cu/Cu R/l"));
        var gloves = Phenotype.Of(AGenome("B/B D/D t/t g/s Cu/Cu L/L"));
        var glovesUnderSpotting = Phenotype.Of(AGenome("B/B D/D t/t g/S Cu/Cu L/L"));

        Assert.True(silver.Silver && silver.IsRare);
        Assert.Equal(CoatColor.Black, silver.Color); // silver/dilute is not two dilutes
        Assert.True(curly.Curly && curly.IsRare);
        Assert.Equal(WhiteSpotting.Gloves, gloves.White);
        Assert.Equal(WhiteSpotting.Bicolour, glovesUnderSpotting.White);
        Assert.False(glovesUnderSpotting.IsRare); // hidden: only a carrier
        Assert.False(Phenotype.Of(Infrastructure.Genomes.BlackSolidShortHair).IsRare);
    }

    // The description is also the portrait's text alternative: one phrase that reads naturally aloud.
    [Theory]
    [InlineData("O/O D/D T/T g/s Gr/Gr L/L", "short-haired orange tabby with white paws and green eyes")]
    [InlineData("B/b d/d T/t S/s Gr/Bl l/l", "long-haired blue and white tabby with green eyes")]
    [InlineData("B/B D/D t/t s/s Cu/Cu L/L", "short-haired black cat with copper eyes")]
    [InlineData("B/B D/D t/t S/s Cu/Cu L/L", "short-haired black and white cat with copper eyes")]
    [InlineData("O/b d/d T/t S/S Bl/Bl l/l", "long-haired cream and white van tabby with blue eyes")]
    [InlineData("B/B d/d t/t S/S Cu/Cu L/L", "short-haired blue and white van with copper eyes")]
    [InlineData("B/B I/d t/t s/s Cu/Cu L/L", "short-haired black smoke cat with copper eyes")]
    [InlineData("B/B I/d Ta/t s/s Od/Od R/l", "curly short-haired black silver ticked tabby with odd eyes (one blue, one copper)")]
    [InlineData("B/B D/D t/t g/g Od/Od L/L", "short-haired black cat with white paws and odd eyes (one blue, one copper)")]
    public void Description_names_coat_colour_pattern_white_and_eyes_in_one_natural_phrase(string genome, string expected) =>
        Assert.Equal(expected, Phenotype.Of(AGenome(genome)).Describe());

    [Fact]
    public void Different_colours_are_drawn_with_different_fur() =>
        Assert.NotEqual(CoatPalette.For(Phenotype.Of(BlackSolidShortHair)).Fur, CoatPalette.For(Phenotype.Of(RedTabbyShortHair)).Fur);
}
