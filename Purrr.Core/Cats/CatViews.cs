using System.Text.Json.Serialization;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Cats;

/// <summary>A cat as a list shows it.</summary>
public sealed record CatSummary(CatId Id, string Name, string BreedName, Personality Personality, int Level, Genome Genome, string OwnerName);

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
    int Generation)
{
    [JsonIgnore]
    public Phenotype Phenotype => Phenotype.Of(Genome);

    [JsonIgnore]
    public double ProgressToNextLevel => CatLevels.ProgressToNextLevel(Xp);

    [JsonIgnore]
    public long XpForNextLevel => CatLevels.XpForLevel(Math.Min(Level + 1, CatLevels.MaxLevel));

    public bool IsOwnedBy(UserId? viewer) => viewer == OwnerId;
}
