using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

[Trait("Category", "Unit")]
public class CatAdoptionTests
{
    private static readonly UserId Owner = UserId.New();

    private static Result<Cat> Adopt(string? name, string? breed = "bengal", Personality? personality = Personality.Curious, int seed = 42) =>
        CatAdoption.Adopt(Owner, new AdoptCatRequest(name, breed, personality), TestClock.Noon, new SeededRandomSource(seed));

    [Fact]
    public void A_new_cat_starts_with_the_spec_stats_at_level_1()
    {
        var cat = Adopt("Mochi").Value;

        Assert.Equal(CatStats.Starting, cat.Stats);
        Assert.Equal(new[] { 50, 100, 70, 50, 100, 100, 50, 50, 50, 50, 50, 0 }, cat.Stats.All.Select(s => s.Value));
        Assert.Equal(1, cat.Level);
        Assert.Equal(0, cat.Xp);
        Assert.Equal(0, cat.Generation);
        Assert.Equal(Owner, cat.OwnerId);
        Assert.Equal(TestClock.Noon, cat.CreatedAt);
    }

    [Fact]
    public void The_name_is_trimmed_and_the_chosen_breed_and_personality_kept()
    {
        var cat = Adopt("  Mochi  ", "ragdoll", Personality.Lazy).Value;
        Assert.Equal("Mochi", cat.Name);
        Assert.Equal("ragdoll", cat.BreedKey);
        Assert.Equal(Personality.Lazy, cat.Personality);
    }

    [Fact]
    public void Without_a_chosen_personality_one_is_picked_from_the_seed()
    {
        var personalities = Enumerable.Range(0, 30).Select(seed => Adopt("Mochi", personality: null, seed: seed).Value.Personality).ToHashSet();
        Assert.True(personalities.Count >= 4, "random personalities should vary");
        Assert.Equal(Adopt("Mochi", personality: null, seed: 5).Value.Personality, Adopt("Mochi", personality: null, seed: 5).Value.Personality);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_missing_name_is_refused(string? name)
    {
        var result = Adopt(name);
        Assert.False(result.Succeeded);
        Assert.Equal(nameof(AdoptCatRequest.Name), Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void A_name_of_101_characters_is_refused_and_100_accepted()
    {
        Assert.Equal("A name can have at most 100 characters (this one has 101).", Adopt(new string('a', 101)).FirstMessage);
        Assert.True(Adopt(new string('a', 100)).Succeeded);
    }

    [Theory]
    [InlineData("sphynx")]
    [InlineData("")]
    [InlineData(null)]
    public void A_breed_not_in_the_list_is_refused(string? breed)
    {
        var result = Adopt("Mochi", breed);
        Assert.Equal("Choose a breed from the list.", result.FirstMessage);
        Assert.Equal(nameof(AdoptCatRequest.BreedKey), result.Problems[0].Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Adopt("", "sphynx");
        Assert.Equal(["Name", "BreedKey"], result.Problems.Select(p => p.Field));
    }
}
