using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Breeding;

/// <summary>One of the player's cats, with whatever stops it breeding right now.</summary>
public sealed record BreedingCandidate(CatSummary Cat, IReadOnlyList<Problem> Problems)
{
    public bool IsEligible => Problems.Count == 0;
}

/// <summary>What a pair would give: compatibility, chance and the exact odds of each kitten look.</summary>
public sealed record BreedingPreview(
    CatSummary Mother,
    CatSummary Father,
    int Compatibility,
    int SuccessChance,
    IReadOnlyList<PhenotypeOdds> Odds,
    double MutationRate,
    IReadOnlyList<Problem> Problems,
    long Cost)
{
    public bool CanBreed => Problems.Count == 0;
}

/// <summary>The outcome of a breeding attempt.</summary>
public sealed record BreedingResult(bool Conceived, string Message, Guid? PregnancyId, DateTimeOffset? DueAt);

public sealed record PregnancyView(Guid Id, CatSummary Mother, CatSummary Father, DateTimeOffset DueAt);

public sealed record OfferView(
    Guid Id,
    CatSummary FromCat,
    CatSummary ToCat,
    bool Incoming,
    OfferStatus Status,
    bool Expired,
    DateTimeOffset ExpiresAt);
