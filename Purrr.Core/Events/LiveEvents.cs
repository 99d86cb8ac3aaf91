using Purrr.Core.Common;

namespace Purrr.Core.Events;

// What services publish on the bus after they commit; each names whose view should refresh.

/// <summary>A cat's stats, level or visibility changed.</summary>
public sealed record CatChanged(CatId Cat, UserId Owner);

/// <summary>A player's coins or items changed.</summary>
public sealed record WalletChanged(UserId Player, long Coins);

/// <summary>Kittens were born to <paramref name="Owner"/>.</summary>
public sealed record LitterBorn(UserId Owner, Guid Pregnancy, IReadOnlyList<CatId> Kittens);

/// <summary>Breeding offers or pregnancies of this player changed.</summary>
public sealed record BreedingChanged(UserId Player);
