using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Breeding;

[Trait("Category", "Unit")]
public class BreedingRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    [Fact]
    public void Two_ready_cats_may_breed()
    {
        Assert.Empty(BreedingRules.CheckPair(ACat.Curious().ReadyToBreed().Build(), ACat.Playful().Named("Tiger").ReadyToBreed().Build(), Now));
    }

    [Fact]
    public void A_cat_cannot_breed_with_itself()
    {
        var cat = ACat.Curious().ReadyToBreed().Build();
        Assert.Equal("A cat can't breed with itself: choose two different cats.", Assert.Single(BreedingRules.CheckPair(cat, cat, Now)).Message);
    }

    [Fact]
    public void Each_unmet_condition_has_its_own_message_naming_the_cat()
    {
        var young = ACat.Curious().Named("Pip").AtLevel(2).WithHealth(100).WithHappiness(80).Build();
        var poorly = ACat.Curious().Named("Sniffles").ReadyToBreed().WithHealth(59).Build();
        var grumpy = ACat.Curious().Named("Grumpy").ReadyToBreed().WithHappiness(49).Build();

        Assert.Equal(["Pip is level 2; breeding needs level 3."], BreedingRules.CheckCat(young, Now).Select(p => p.Message));
        Assert.Equal(["Sniffles's health is 59; breeding needs 60."], BreedingRules.CheckCat(poorly, Now).Select(p => p.Message));
        Assert.Equal(["Grumpy's happiness is 49; breeding needs 50."], BreedingRules.CheckCat(grumpy, Now).Select(p => p.Message));
    }

    [Fact]
    public void Compatibility_comes_from_personalities_and_skill_balance()
    {
        var curious = ACat.Curious().ReadyToBreed().Build();
        var playful = ACat.Playful().ReadyToBreed().Build();
        Assert.Equal(55 + 40, BreedingRules.Compatibility(curious, playful)); // best pairing, equal skills

        var strong = ACat.Playful().ReadyToBreed().WithStats(s => s with { Strength = 100, Agility = 100, Intelligence = 0, Charisma = 0 }).Build();
        Assert.Equal(55 + 0, BreedingRules.Compatibility(curious, strong)); // skills 50 apart on average: no balance bonus
    }

    [Fact]
    public void A_social_butterfly_adds_10_with_anyone()
    {
        var territorial = ACat.Territorial().ReadyToBreed().Build();
        Assert.Equal(20 + 40, BreedingRules.Compatibility(territorial, ACat.Territorial().ReadyToBreed().Build()));
        Assert.Equal(35 + 40 + 10, BreedingRules.Compatibility(territorial, ACat.SocialButterfly().ReadyToBreed().Build()));
        Assert.Equal(BreedingRules.Compatibility(territorial, ACat.SocialButterfly().Build()), BreedingRules.Compatibility(ACat.SocialButterfly().Build(), territorial));
    }

    [Theory]
    [InlineData(95, 85)]
    [InlineData(30, 20)]
    [InlineData(15, 10)]
    [InlineData(0, 10)]
    public void The_success_chance_is_compatibility_minus_10_but_at_least_10(int compatibility, int chance) =>
        Assert.Equal(chance, BreedingRules.SuccessChance(compatibility));

    [Fact]
    public void Litters_have_1_to_4_kittens()
    {
        var random = new SeededRandomSource(9);
        var sizes = Enumerable.Range(0, 10_000).Select(_ => BreedingRules.LitterSize(random)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count() / 10_000.0);
        Assert.Equal([1, 2, 3, 4], sizes.Keys.Order());
        Assert.InRange(sizes[1], 0.18, 0.22);
        Assert.InRange(sizes[4], 0.13, 0.17);
    }

    [Fact]
    public void Kittens_of_one_breed_keep_it_and_mixed_kittens_are_domestic()
    {
        var mother = ACat.Curious().OfBreed("bengal").Build();
        Assert.Equal("bengal", BreedingRules.KittenBreed(mother, ACat.Curious().OfBreed("bengal").Build(), mother.Genome));
        Assert.Equal("domestic_shorthair", BreedingRules.KittenBreed(mother, ACat.Curious().OfBreed("persian").Build(), Genomes.AGenome("B/B D/D t/t s/s Cu/Cu L/l")));
        Assert.Equal("domestic_longhair", BreedingRules.KittenBreed(mother, ACat.Curious().OfBreed("persian").Build(), Genomes.AGenome("B/B D/D t/t s/s Cu/Cu l/l")));
    }

    [Fact]
    public void A_kitten_never_gets_a_name_already_in_the_family()
    {
        var random = new SeededRandomSource(4);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Mochi", "Bean", "Pip" };
        for (var i = 0; i < 200; i++)
            Assert.DoesNotContain(BreedingRules.KittenName(random, taken), taken);

        var all = Enumerable.Range(0, 100).Select(_ => BreedingRules.KittenName(random, new HashSet<string>())).ToHashSet();
        var full = new HashSet<string>(all) { "Mochi 2" };
        var numbered = BreedingRules.KittenName(new FixedRoll(0), full);
        Assert.DoesNotContain(numbered, full);
        Assert.Matches("^[A-Z][a-z]+ [0-9]+$", numbered);
    }
}
