using Purrr.Core.Common;

namespace Purrr.Core.Cats;

public sealed partial class Cat
{
    /// <summary>The cat's NFT moved to another player's linked wallet: the cat follows its token (spec §11).</summary>
    internal void PassTo(UserId owner)
    {
        OwnerId = owner;
        Touch();
    }
}
