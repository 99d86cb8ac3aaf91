using Purrr.Core.Common;

namespace Purrr.Core.Blockchain;

/// <summary>A player's linked wallet: one address per account, an address on one account only (spec §11).</summary>
public sealed class WalletLink
{
    private WalletLink() { } // for EF Core

    public UserId PlayerId { get; private set; }

    /// <summary>The EIP-55 checksummed address, proven by a signature when it was linked.</summary>
    public string Address { get; private set; } = "";

    public DateTimeOffset LinkedAt { get; private set; }

    internal static WalletLink Create(UserId player, string address, DateTimeOffset now) => new()
    {
        PlayerId = player, Address = address, LinkedAt = now,
    };
}

/// <summary>A one-time message the server asked a player to sign; it links a wallet once, within <see cref="WalletRules.ChallengeLifetime"/>.</summary>
public sealed class WalletChallenge
{
    private WalletChallenge() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public string Nonce { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it linked a wallet; a used challenge never links another.</summary>
    public DateTimeOffset? UsedAt { get; private set; }

    public string Message => WalletRules.MessageFor(Nonce);

    internal static WalletChallenge Create(UserId player, string nonce, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), PlayerId = player, Nonce = nonce, CreatedAt = now, ExpiresAt = now + WalletRules.ChallengeLifetime,
    };

    internal void Use(DateTimeOffset now) => UsedAt = now;
}

/// <summary>What the page shows: the linked address, if any.</summary>
public sealed record WalletView(string Address, DateTimeOffset LinkedAt);

/// <summary>A message to sign in the browser wallet, and until when it is good.</summary>
public sealed record WalletChallengeView(string Message, DateTimeOffset ExpiresAt);
