using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Genetics;

namespace Purrr.Core.Territories;

/// <summary>A territory as maps and lists show it.</summary>
public sealed record TerritoryView(
    Guid Id, TerritoryType Type, double Latitude, double Longitude, CatId CatId, string CatName, Genome Genome,
    UserId OwnerId, string OwnerName, DateTimeOffset HeldSince, DateTimeOffset? ProtectedUntil, DateTimeOffset DecaysAt, Guid? PendingChallenge)
{
    public GeoPoint Center => new(Latitude, Longitude);
    public TerritorySpec Spec => TerritorySpecs.Of(Type);
    public string Name => $"{CatName}'s {Spec.Name.ToLowerInvariant()}";
}

/// <summary>One of the player's cats for a spot: what it would face there, or why it cannot go.</summary>
public sealed record CatOption(CatId CatId, string Name, Genome Genome, int Level, int Energy, string? Unavailable, ContestOdds? Odds);

/// <summary>A spot picked on the map: free to claim, or held (then a claim there is a challenge for it).</summary>
public sealed record SpotView(GeoPoint Point, TerritoryView? Held, bool IsMine, string? Blocked, IReadOnlyList<CatOption> Cats)
{
    public bool IsFree => Held is null;
}

/// <summary>A challenge as both players see it.</summary>
public sealed record ChallengeView(
    Guid Id, Guid TerritoryId, TerritoryType Type, double Latitude, double Longitude,
    UserId ChallengerId, string ChallengerName, CatId ChallengerCatId, string ChallengerCatName,
    UserId DefenderId, string DefenderName, CatId HolderCatId, string HolderCatName, string? DefendingCatName,
    ChallengeStatus Status, DateTimeOffset IssuedAt, DateTimeOffset AnswerBy, DateTimeOffset? SettledAt, double? ChallengerChance, double? Roll)
{
    public bool IsPending => Status == ChallengeStatus.Pending;

    public string SpotName => $"{HolderCatName}'s {TerritorySpecs.Of(Type).Name.ToLowerInvariant()}";

    /// <summary>One line for the history.</summary>
    public string Outcome => Status switch
    {
        ChallengeStatus.Pending => "Waiting for an answer",
        ChallengeStatus.ChallengerWon => $"{ChallengerCatName} won the spot from {DefendingCatName}",
        ChallengeStatus.DefenderWon => $"{DefendingCatName} held the spot against {ChallengerCatName}",
        ChallengeStatus.Forfeited => $"{DefenderName} gave the spot up to {ChallengerCatName}",
        _ => "Called off: the territory was lost meanwhile",
    };
}

/// <summary>A challenge with the defender's choice of cats (and the odds each would fight at).</summary>
public sealed record ChallengeDetails(ChallengeView Challenge, ContestOdds? HolderOdds, IReadOnlyList<CatOption> Defenders);

/// <summary>What a claim did: took a free spot, or (on a held one) challenged for it.</summary>
public sealed record ClaimOutcome(TerritoryView? Claimed, ChallengeView? Challenge);

public enum ChallengeAnswer { Accept, Decline }

/// <summary>What a tick did.</summary>
public sealed record TerritoryTickReport(int Forfeited, int Decayed);

/// <summary>Territories changed near a point (claimed, changed hands, decayed): maps around it reload.</summary>
public sealed record TerritoriesChanged(GeoPoint Near);

/// <summary>A challenge was issued or settled: both players' open pages follow it by its id.</summary>
public sealed record TerritoryChallengeChanged(Guid ChallengeId, UserId ChallengerId, UserId DefenderId) : ITopicEvent
{
    public string Topic => ChallengeId.ToString();
}
