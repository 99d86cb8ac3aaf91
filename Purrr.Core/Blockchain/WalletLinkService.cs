using Microsoft.EntityFrameworkCore;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Blockchain;

/// <summary>
/// Linking a browser wallet to an account by signature (spec §11): the server hands out a one-time message, the wallet
/// signs it, the server recovers the signer and stores the address only when it is the one claimed. Off unless the
/// blockchain feature flag is on.
/// </summary>
public sealed class WalletLinkService(IPurrrDbFactory dbFactory, TimeProvider clock, FeatureFlags flags, IWalletCrypto crypto)
{
    public const string UnknownChallenge = "That sign-in message is not one Purrr asked you to sign. Start again with “Connect wallet”.";
    public const string UsedChallenge = "That message was already used to link a wallet. Start again with “Connect wallet”.";
    public const string ExpiredChallenge = "That message expired (it is good for 10 minutes). Start again with “Connect wallet”.";
    public const string MalformedAddress = "That is not a wallet address (0x followed by 40 hexadecimal characters).";
    public const string WrongSigner = "The signature was made by another address than the one you connect. Sign with the account you chose in your wallet.";

    /// <summary>The player's linked wallet, if any (shown even when the feature is off: it is theirs).</summary>
    public async Task<WalletView?> GetAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var link = await db.WalletLinks.AsNoTracking().FirstOrDefaultAsync(w => w.PlayerId == player, ct);
        return link is null ? null : new WalletView(link.Address, link.LinkedAt);
    }

    /// <summary>A fresh one-time message for <paramref name="player"/> to sign.</summary>
    public async Task<Result<WalletChallengeView>> ChallengeAsync(UserId player, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<WalletChallengeView>.Failure([off]);

        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        // Old challenges are of no use to anyone: drop the player's expired ones as new ones are made.
        await db.WalletChallenges.Where(c => c.PlayerId == player && c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var challenge = WalletChallenge.Create(player, WalletRules.NewNonce(), now);
        db.WalletChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return new WalletChallengeView(challenge.Message, challenge.ExpiresAt);
    }

    /// <summary>
    /// Links <paramref name="address"/> when <paramref name="signature"/> over <paramref name="message"/> (a challenge
    /// of this player, unused and unexpired) was made by that address. Nothing is stored otherwise.
    /// </summary>
    public async Task<Result<WalletView>> LinkAsync(UserId player, string? address, string? message, string? signature, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<WalletView>.Failure([off]);
        if (!WalletRules.IsAddress(address))
            return Result<WalletView>.Failure(MalformedAddress, "address");
        if (WalletRules.NonceOf(message) is not { } nonce)
            return Result<WalletView>.Failure(UnknownChallenge);

        await using var db = await dbFactory.CreateAsync(ct);
        var challenge = await db.WalletChallenges.FirstOrDefaultAsync(c => c.PlayerId == player && c.Nonce == nonce, ct);
        var now = clock.GetUtcNow();
        if (challenge is null)
            return Result<WalletView>.Failure(UnknownChallenge);
        if (challenge.UsedAt is not null)
            return Result<WalletView>.Failure(UsedChallenge);
        if (now >= challenge.ExpiresAt)
            return Result<WalletView>.Failure(ExpiredChallenge);

        var claimed = crypto.Checksummed(address!);
        var signer = crypto.Signer(challenge.Message, signature);
        if (signer is null)
            return Result<WalletView>.Failure("That signature could not be read. Sign the message again in your wallet.");
        if (!string.Equals(signer, claimed, StringComparison.OrdinalIgnoreCase))
            return Result<WalletView>.Failure(WrongSigner);

        if (await db.WalletLinks.AnyAsync(w => w.PlayerId == player, ct))
            return Result<WalletView>.Failure("Your account already has a wallet linked. Unlink it first to link another.");
        if (await db.WalletLinks.AnyAsync(w => w.Address == claimed, ct))
            return Result<WalletView>.Failure("That wallet is linked to another Purrr account. Unlink it there first.");

        challenge.Use(now);
        var link = WalletLink.Create(player, claimed, now);
        db.WalletLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same challenge or address raced in from another tab: the row versions and unique indexes decide.
            return Result<WalletView>.Failure(UsedChallenge);
        }
        return new WalletView(link.Address, link.LinkedAt);
    }

    /// <summary>Forgets the player's linked wallet (allowed with the feature off: a player can always take their address back).</summary>
    public async Task<Result<bool>> UnlinkAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var removed = await db.WalletLinks.Where(w => w.PlayerId == player).ExecuteDeleteAsync(ct);
        return removed > 0 ? true : Result<bool>.Failure("No wallet is linked to your account.");
    }
}
