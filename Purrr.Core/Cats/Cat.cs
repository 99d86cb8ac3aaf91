using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>A player's cat. Created by <see cref="CatAdoption"/> (or birth); its stats change only through Core rules.</summary>
public sealed class Cat
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

    internal static Cat NewFounder(UserId owner, string name, Breed breed, Personality personality, Genome genome, bool isPublic, DateTimeOffset now) => new()
    {
        Id = CatId.New(),
        OwnerId = owner,
        Name = name,
        BreedKey = breed.Key,
        Personality = personality,
        Genome = genome,
        Stats = CatStats.Starting,
        IsPublic = isPublic,
        CreatedAt = now,
        StatsUpdatedAt = now,
    };
}
