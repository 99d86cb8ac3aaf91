using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Tests.Infrastructure;

/// <summary>Builds cats for tests: <c>ACat.Playful().WithEnergy(80).Build()</c>.</summary>
public sealed class ACat
{
    /// <summary>Potentials of 80, so skills have room to grow above their starting 50.</summary>
    public static readonly Genome DefaultGenome = Genome.Parse("B/B D/D t/t s/s Cu/Cu L/L 80/80/80/80");

    private Personality personality;
    private CatStats stats = CatStats.Starting;
    private Genome genome = DefaultGenome;
    private long xp;
    private string name = "Mochi";
    private string breed = "domestic_shorthair";
    private UserId owner = UserId.New();
    private DateTimeOffset born = TestClock.Noon;

    private ACat(Personality personality) => this.personality = personality;

    public static ACat With(Personality personality) => new(personality);
    public static ACat Playful() => new(Personality.Playful);
    public static ACat Aloof() => new(Personality.Aloof);
    public static ACat Curious() => new(Personality.Curious);
    public static ACat Lazy() => new(Personality.Lazy);
    public static ACat Territorial() => new(Personality.Territorial);
    public static ACat SocialButterfly() => new(Personality.SocialButterfly);

    public ACat Named(string value) { name = value; return this; }
    public ACat OfBreed(string key) { breed = key; return this; }
    public ACat OwnedBy(UserId value) { owner = value; return this; }
    public ACat BornAt(DateTimeOffset value) { born = value; return this; }
    public ACat WithGenome(Genome value) { genome = value; return this; }
    public ACat WithGenome(string code) { genome = Genomes.AGenome(code); return this; }
    public ACat WithStats(Func<CatStats, CatStats> change) { stats = change(stats); return this; }
    public ACat WithEnergy(int value) => WithStats(s => s with { Energy = value });
    public ACat WithHealth(int value) => WithStats(s => s with { Health = value });
    public ACat WithHappiness(int value) => WithStats(s => s with { Happiness = value });
    public ACat WithIntelligence(int value) => WithStats(s => s with { Intelligence = value });
    public ACat AtLevel(int level) { xp = CatLevels.XpForLevel(level); return this; }

    /// <summary>A breeding-ready cat: level 3, healthy and happy.</summary>
    public ACat ReadyToBreed() => AtLevel(3).WithHealth(100).WithHappiness(80);

    public Cat Build()
    {
        var cat = CatAdoption.Adopt(owner, new AdoptCatRequest(name, breed, personality), born, new SeededRandomSource(1)).Value;
        // Tests need cats in states adoption doesn't produce; set them the way the database would load them.
        typeof(Cat).GetProperty(nameof(Cat.Genome))!.SetValue(cat, genome);
        typeof(Cat).GetProperty(nameof(Cat.Stats))!.SetValue(cat, stats);
        cat.GainXp(xp);
        return cat;
    }
}
