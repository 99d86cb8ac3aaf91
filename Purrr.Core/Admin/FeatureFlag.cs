using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Admin;

/// <summary>A part of Purrr an admin can switch off at runtime (spec §14).</summary>
public enum Feature { NightWatch, Crypto, Blockchain }

public static class Features
{
    public static readonly IReadOnlyList<Feature> All = Enum.GetValues<Feature>();

    public static string Name(Feature feature) => feature switch
    {
        Feature.NightWatch => "Night watch",
        Feature.Crypto => "Crypto",
        _ => "Blockchain",
    };

    public static string Description(Feature feature) => feature switch
    {
        Feature.NightWatch => "Patrols, protection zones and the neighbourhood map. Off: the page says so, deploys and zone changes are refused; patrols already out come home at dawn.",
        Feature.Crypto => "Crypto balances, deposits and withdrawals, and Paw Match fees in crypto (spec §5). Off: the crypto page says so and new deposits, withdrawals and crypto games are refused; balances are kept, and payments already made still arrive.",
        _ => "Linking browser wallets by signature and, later, minting cats as NFTs on the configured chain (spec §11). Off: linking is refused; linked wallets stay and can be unlinked.",
    };

    /// <summary>What a flag is until an admin first switches it: night watch on; crypto and blockchain off (optional, spec §5 and §11).</summary>
    public static bool OnByDefault(Feature feature) => feature == Feature.NightWatch;
}

/// <summary>An admin's choice for one feature; a feature without a row is at its default.</summary>
public sealed class FeatureFlag
{
    private FeatureFlag() { } // for EF Core

    public Feature Feature { get; private set; }
    public bool Enabled { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public UserId UpdatedById { get; private set; }

    internal static FeatureFlag Create(Feature feature, bool enabled, UserId admin, DateTimeOffset now) => new()
    {
        Feature = feature, Enabled = enabled, UpdatedById = admin, UpdatedAt = now,
    };

    internal void Switch(bool enabled, UserId admin, DateTimeOffset now)
    {
        Enabled = enabled;
        UpdatedById = admin;
        UpdatedAt = now;
    }
}

/// <summary>A flag as the console shows it.</summary>
public sealed record FeatureFlagView(Feature Feature, string Name, string Description, bool Enabled, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>A flag was switched; published after the save, so pages and other instances follow at once.</summary>
public sealed record FeatureFlagChanged(Feature Feature, bool Enabled);
