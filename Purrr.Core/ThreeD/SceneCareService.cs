using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;

namespace Purrr.Core.ThreeD;

/// <summary>
/// Clicks in the 3D room turned into the very care actions of the 2D buttons (<see cref="CareService"/>): same cooldowns,
/// costs, effects and refusals. Only the choice of food is the scene's: the bowl serves the first food in the pantry.
/// </summary>
public sealed class SceneCareService(CareService care, InventoryService inventory)
{
    /// <summary>Said when a scene that was closed (its page left, its tab gone) still sends a click.</summary>
    public const string SceneClosed = "This 3D view has closed. Open the cat's page again to care for them.";

    public const string SignInFirst = "Sign in to care for a cat.";

    public async Task<Result<CareOutcome>> InteractAsync(UserId? player, CatId cat, SceneTarget target, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(target))
            return Result<CareOutcome>.Failure("Click the cat, its toy or its bowl.");
        if (player is not { } owner)
            return Result<CareOutcome>.Failure(SignInFirst);
        return CatScene.ActionOf(target) switch
        {
            CareAction.Play => await care.PlayAsync(owner, cat, ct: ct),
            CareAction.Feed => await care.FeedAsync(owner, cat, await FoodForBowlAsync(owner, ct), ct),
            _ => await care.GroomAsync(owner, cat, ct: ct),
        };
    }

    /// <summary>
    /// The first food the player holds; with none, the first food of the shop, so Core answers
    /// "You have no … left. Buy more in the shop." as it would for the 2D pantry.
    /// </summary>
    private async Task<string> FoodForBowlAsync(UserId owner, CancellationToken ct)
    {
        var foods = (await inventory.GetAsync(owner, ct)).Shelves.Where(s => s.Item.Kind == ItemKind.Food).ToList();
        return (foods.FirstOrDefault(s => s.Quantity > 0) ?? foods[0]).Item.Key;
    }
}
