using System.Text.Json.Serialization;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>A cat as a list shows it.</summary>
public sealed record CatSummary(CatId Id, string Name, string BreedName, Personality Personality, int Level, Genome Genome, string OwnerName)
{
    public static CatSummary Of(Cat cat, string ownerName) =>
        new(cat.Id, cat.Name, Breeds.NameOf(cat.BreedKey), cat.Personality, cat.Level, cat.Genome, ownerName);
}

/// <summary>Everything the cat page shows; plain data so it can cross from prerender to the live circuit.</summary>
public sealed record CatProfile(
    CatId Id,
    UserId OwnerId,
    string OwnerName,
    string Name,
    string BreedName,
    Personality Personality,
    Genome Genome,
    long Xp,
    int Level,
    CatStats Stats,
    string Description,
    bool IsPublic,
    DateTimeOffset CreatedAt,
    int Generation,
    CatId? MotherId,
    CatId? FatherId,
    IReadOnlyDictionary<CareAction, DateTimeOffset?> ReadyAt,
    DateTimeOffset? NapUntil,
    DateTimeOffset? BreedingCooldownUntil)
{
    public static CatProfile Of(Cat cat, string ownerName, DateTimeOffset now) => new(
        cat.Id, cat.OwnerId, ownerName, cat.Name, Breeds.NameOf(cat.BreedKey), cat.Personality, cat.Genome, cat.Xp, cat.Level,
        cat.Stats, cat.Description, cat.IsPublic, cat.CreatedAt, cat.Generation, cat.MotherId, cat.FatherId,
        Enum.GetValues<CareAction>().ToDictionary(action => action, action => cat.ReadyAt(action, now)),
        cat.NapUntil > now ? cat.NapUntil : null,
        cat.BreedingCooldownUntil > now ? cat.BreedingCooldownUntil : null);

    [JsonIgnore]
    public bool IsNeglected => CatLife.IsNeglected(Stats);

    [JsonIgnore]
    public double TrainingSuccessChance => Cat.TrainingSuccessChance(Stats);

    [JsonIgnore]
    public Phenotype Phenotype => Phenotype.Of(Genome);

    [JsonIgnore]
    public double ProgressToNextLevel => CatLevels.ProgressToNextLevel(Xp);

    [JsonIgnore]
    public long XpForNextLevel => CatLevels.XpForLevel(Math.Min(Level + 1, CatLevels.MaxLevel));

    public bool IsOwnedBy(UserId? viewer) => viewer == OwnerId;
}

/// <summary>A cat and its ancestors; <see cref="Cat"/> is null when unknown (a founder's parents) or private.</summary>
public sealed record FamilyMember(CatSummary? Cat, bool Hidden, FamilyMember? Mother, FamilyMember? Father)
{
    public static readonly FamilyMember Unknown = new(null, false, null, null);
}

/// <summary>A moment of a cat's life as its page lists it.</summary>
public sealed record CatMoment(CatEventType Type, string Detail, DateTimeOffset At);
