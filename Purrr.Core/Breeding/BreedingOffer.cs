using Purrr.Core.Common;

namespace Purrr.Core.Breeding;

public enum OfferStatus { Pending, Accepted, Declined, Withdrawn }

/// <summary>One player offers their cat to another player's cat; if accepted, the kittens go to the accepting player.</summary>
public sealed class BreedingOffer
{
    private BreedingOffer() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId FromPlayerId { get; private set; }
    public CatId FromCatId { get; private set; }
    public UserId ToPlayerId { get; private set; }
    public CatId ToCatId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public OfferStatus Status { get; private set; }

    /// <summary>Optimistic concurrency: an accept racing a withdraw or decline cannot both be answered.</summary>
    public int Version { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>Set when acceptance made a pregnancy.</summary>
    public Guid? PregnancyId { get; private set; }

    public bool IsOpen(DateTimeOffset now) => Status == OfferStatus.Pending && ExpiresAt > now;

    public bool IsExpired(DateTimeOffset now) => Status == OfferStatus.Pending && ExpiresAt <= now;

    internal static BreedingOffer Create(UserId from, CatId fromCat, UserId to, CatId toCat, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        FromPlayerId = from,
        FromCatId = fromCat,
        ToPlayerId = to,
        ToCatId = toCat,
        CreatedAt = now,
        ExpiresAt = now + BreedingRules.OfferLifetime,
        Status = OfferStatus.Pending,
    };

    internal void Close(OfferStatus status, DateTimeOffset now, Guid? pregnancyId = null)
    {
        Version++;
        Status = status;
        RespondedAt = now;
        PregnancyId = pregnancyId;
    }
}
