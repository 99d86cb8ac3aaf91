using Purrr.Core.Common;

namespace Purrr.Core.Territories;

public enum ChallengeStatus
{
    /// <summary>Waiting for the defender: accept, decline or defend with another cat (12 hours).</summary>
    Pending,

    /// <summary>Fought; the challenger's cat won the spot.</summary>
    ChallengerWon,

    /// <summary>Fought; the defender kept the spot.</summary>
    DefenderWon,

    /// <summary>The defender declined, or let 12 hours pass: the spot went to the challenger without a contest.</summary>
    Forfeited,

    /// <summary>The territory was lost some other way (it decayed) before the defender answered.</summary>
    Cancelled,
}

/// <summary>A cat's bid for a spot another player's cat holds, and how it ended (the challenge history).</summary>
public sealed class TerritoryChallenge
{
    private TerritoryChallenge() { } // for EF Core

    public Guid Id { get; private set; }
    public Guid TerritoryId { get; private set; }
    public TerritoryType Type { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    public UserId ChallengerId { get; private set; }
    public CatId ChallengerCatId { get; private set; }
    public string ChallengerCatName { get; private set; } = "";

    public UserId DefenderId { get; private set; }

    /// <summary>The cat that held the spot when the challenge came.</summary>
    public CatId HolderCatId { get; private set; }
    public string HolderCatName { get; private set; } = "";

    /// <summary>The cat that fought for the defender (the holder or another of the defender's cats); empty unless fought.</summary>
    public CatId? DefendingCatId { get; private set; }
    public string? DefendingCatName { get; private set; }

    public ChallengeStatus Status { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Unanswered by then, the defender forfeits.</summary>
    public DateTimeOffset AnswerBy { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>The challenger's chance of winning as fought (0–1), and the draw that decided it.</summary>
    public double? ChallengerChance { get; private set; }
    public double? Roll { get; private set; }

    /// <summary>Optimistic concurrency: an answer and the forfeit tick cannot both settle it.</summary>
    public int Version { get; private set; }

    public const int CatNameMaxLength = Cats.Cat.NameMaxLength;

    public bool IsPending => Status == ChallengeStatus.Pending;

    public UserId? Winner => Status switch
    {
        ChallengeStatus.ChallengerWon or ChallengeStatus.Forfeited => ChallengerId,
        ChallengeStatus.DefenderWon => DefenderId,
        _ => null,
    };

    internal static TerritoryChallenge Issue(Territory territory, Cats.Cat challenger, string holderName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        TerritoryId = territory.Id,
        Type = territory.Type,
        Latitude = territory.Latitude,
        Longitude = territory.Longitude,
        ChallengerId = challenger.OwnerId,
        ChallengerCatId = challenger.Id,
        ChallengerCatName = challenger.Name,
        DefenderId = territory.OwnerId,
        HolderCatId = territory.CatId,
        HolderCatName = holderName,
        Status = ChallengeStatus.Pending,
        IssuedAt = now,
        AnswerBy = now + TerritoryRules.AnswerWithin,
    };

    internal void Fought(Cats.Cat defending, ContestResult result, DateTimeOffset now)
    {
        DefendingCatId = defending.Id;
        DefendingCatName = defending.Name;
        ChallengerChance = result.Odds.ChallengerChance;
        Roll = result.Roll;
        Settle(result.ChallengerWins ? ChallengeStatus.ChallengerWon : ChallengeStatus.DefenderWon, now);
    }

    internal void Settle(ChallengeStatus status, DateTimeOffset now)
    {
        Status = status;
        SettledAt = now;
        Version++;
    }
}
