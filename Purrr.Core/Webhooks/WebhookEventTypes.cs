namespace Purrr.Core.Webhooks;

/// <summary>The events a webhook can subscribe to (spec §13), with what a player reads about each.</summary>
public static class WebhookEventTypes
{
    public const string CatCreated = "cat.created";
    public const string CatLevelUp = "cat.level_up";
    public const string BreedingCompleted = "breeding.completed";
    public const string GameWon = "game.won";
    public const string NftMinted = "nft.minted";
    public const string LostPetReported = "lost_pet.reported";
    public const string NightWatchEncounter = "nightwatch.encounter";

    /// <summary>Sent by the "Send test event" button only; no hook subscribes to it.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<(string Type, string Description)> All =
    [
        (CatCreated, "A cat joins you: adopted or born."),
        (CatLevelUp, "One of your cats reaches a new level."),
        (BreedingCompleted, "A litter of yours is born."),
        (GameWon, "You win a Paw Match game."),
        (NftMinted, "One of your cats is minted as an NFT (when minting is switched on)."),
        (LostPetReported, "You report a lost pet."),
        (NightWatchEncounter, "Your night patrol meets a bobcat."),
    ];

    public static bool IsKnown(string type) => All.Any(e => e.Type == type);
}
