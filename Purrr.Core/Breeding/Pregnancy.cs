using Purrr.Core.Common;

namespace Purrr.Core.Breeding;

/// <summary>A successful breeding: kittens are born when it is due, to <see cref="OwnerId"/>.</summary>
public sealed class Pregnancy
{
    private Pregnancy() { } // for EF Core

    public Guid Id { get; private set; }
    public CatId MotherId { get; private set; }
    public CatId FatherId { get; private set; }

    /// <summary>Who gets the kittens: the breeder, or the player who accepted an offer.</summary>
    public UserId OwnerId { get; private set; }

    public DateTimeOffset ConceivedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? BornAt { get; private set; }
    public int LitterSize { get; private set; }

    public bool IsDue(DateTimeOffset now) => BornAt is null && DueAt <= now;

    internal static Pregnancy Start(CatId mother, CatId father, UserId owner, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        MotherId = mother,
        FatherId = father,
        OwnerId = owner,
        ConceivedAt = now,
        DueAt = now + BreedingRules.PregnancyLength,
    };

    /// <summary>The owner deleted their account: the kittens will be born at the shelter.</summary>
    internal void ReleaseTo(UserId shelter) => OwnerId = shelter;

    internal void Deliver(int litterSize, DateTimeOffset now)
    {
        LitterSize = litterSize;
        BornAt = now;
    }
}
