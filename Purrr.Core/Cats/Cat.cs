using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>A player's cat. Created by <see cref="CatAdoption"/> (or birth); its stats change only through Core rules.</summary>
public sealed partial class Cat
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private Cat() { } // for EF Core

    public CatId Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string BreedKey { get; private set; } = "";
    public Personality Personality { get; private set; }
    public Genome Genome { get; private set; } = null!;
    public long Xp { get; private set; }
    public int Level { get; private set; } = CatLevels.MinLevel;
    public CatStats Stats { get; private set; } = CatStats.Starting;
    public string Description { get; private set; } = "";
    public bool IsPublic { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastCareAt { get; private set; }

    /// <summary>When <see cref="Stats"/> were last brought up to date; time-based change is computed from here.</summary>
    public DateTimeOffset StatsUpdatedAt { get; private set; }

    public CatId? MotherId { get; private set; }
    public CatId? FatherId { get; private set; }

    /// <summary>0 for an adopted founder, parents' max + 1 for a kitten.</summary>
    public int Generation { get; private set; }

    /// <summary>Until then the cat cannot breed again (24 hours after breeding).</summary>
    public DateTimeOffset? BreedingCooldownUntil { get; private set; }

    /// <summary>Optimistic concurrency: two requests acting on one cat at once cannot both apply.</summary>
    public int Version { get; private set; }

    public bool IsNeglected => CatLife.IsNeglected(Stats);

    public PersonalityTraits Traits => PersonalityTraits.Of(Personality);

    /// <summary>
    /// Applies the whole hours that passed since <see cref="StatsUpdatedAt"/>; the part-hour left over carries on.
    /// Called whenever a cat is read or acted on (there is no timer per cat).
    /// </summary>
    public void CatchUp(DateTimeOffset now)
    {
        var hours = (long)Math.Floor((now - StatsUpdatedAt) / CatLife.Tick);
        if (hours <= 0)
            return;
        Stats = CatLife.AfterHours(Stats, Traits, hours, Perks, StatsUpdatedAt.UtcTicks / CatLife.Tick.Ticks);
        StatsUpdatedAt += CatLife.Tick * hours;
    }

    /// <summary>Marks the cat changed, so a concurrent change to the same cat fails instead of overwriting this one.</summary>
    internal void Touch() => Version++;

    internal void Rename(string name) => Name = name;

    /// <summary>The owner deleted their account: the cat goes to the shelter, visible to all, stats and history kept.</summary>
    internal void ReleaseTo(UserId shelter)
    {
        OwnerId = shelter;
        IsPublic = true;
        Touch();
    }

    internal void StartBreedingCooldown(DateTimeOffset until)
    {
        BreedingCooldownUntil = until;
        Touch();
    }

    public void SetVisibility(bool isPublic) => IsPublic = isPublic;

    /// <summary>Adds experience and recomputes the level; true when the cat reached a new level.</summary>
    public bool GainXp(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var before = Level;
        Xp += amount;
        Level = CatLevels.LevelFor(Xp);
        return Level > before;
    }

    /// <summary>A kitten: a new cat of generation parents' max + 1, with its lineage.</summary>
    internal static Cat NewKitten(UserId owner, string name, string breedKey, Personality personality, Genome genome, Cat mother, Cat father, DateTimeOffset born)
    {
        var kitten = NewFounder(owner, name, breedKey, personality, genome, isPublic: true, born);
        kitten.MotherId = mother.Id;
        kitten.FatherId = father.Id;
        kitten.Generation = Math.Max(mother.Generation, father.Generation) + 1;
        return kitten;
    }

    internal static Cat NewFounder(UserId owner, string name, string breedKey, Personality personality, Genome genome, bool isPublic, DateTimeOffset now) => new()
    {
        Id = CatId.New(),
        OwnerId = owner,
        Name = name,
        BreedKey = breedKey,
        Personality = personality,
        Genome = genome,
        Stats = CatStats.Starting,
        IsPublic = isPublic,
        CreatedAt = now,
        StatsUpdatedAt = now,
    };
}
