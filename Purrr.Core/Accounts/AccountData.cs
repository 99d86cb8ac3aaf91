using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.LostPets;
using Purrr.Core.Moderation;
using Purrr.Core.NightWatch;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;

namespace Purrr.Core.Accounts;

/// <summary>
/// A player's rights over their data (spec §2, GDPR): a JSON export of everything stored about them, and deleting the
/// account — the profile and sign-in anonymised, sessions and tokens ended, cats released to the <see cref="Shelter"/>.
/// </summary>
public sealed class AccountData(IPurrrDbFactory dbFactory, IAccountStore accounts, TimeProvider clock, IEventBus bus)
{
    public const string DeletedDisplayName = "Deleted player";

    /// <summary>Everything stored about the player, newest first within each part.</summary>
    public async Task<Result<AccountExport>> ExportAsync(UserId id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var player = await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ClosedAt == null, ct);
        if (player is null)
            return Result<AccountExport>.Failure("This account no longer exists.");

        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var catIds = cats.Select(c => c.Id).ToList();
        var catEvents = (await db.CatEvents.AsNoTracking().Where(e => catIds.Contains(e.CatId)).ToListAsync(ct)).ToLookup(e => e.CatId);
        var posts = await db.Posts.AsNoTracking().Include(p => p.Tags).Where(p => p.AuthorId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);

        var export = new AccountExport(
            clock.GetUtcNow(),
            new ExportedProfile(player.Id, player.UserName, player.DisplayName, player.Bio, player.TimeZoneId, player.Theme, player.Coins,
                player.JoinedAt, player.LastSeenAt, player.HomeLatitude, player.HomeLongitude, player.LostPetAlerts, player.ApiTier),
            [.. cats.Select(c => new ExportedCat(c.Id, c.Name, c.BreedKey, c.Personality, c.Genome.ToString(), c.Level, c.Xp, c.Stats,
                c.Description, c.IsPublic, c.CreatedAt, c.MotherId, c.FatherId, c.Generation,
                [.. catEvents[c.Id].OrderBy(e => e.At).Select(e => new ExportedCatEvent(e.Type.ToString(), e.Detail, e.At))]))],
            await db.LedgerEntries.AsNoTracking().Where(e => e.PlayerId == id).OrderByDescending(e => e.Id).ToListAsync(ct),
            await db.InventoryItems.AsNoTracking().Where(i => i.PlayerId == id).OrderBy(i => i.ItemKey).ToListAsync(ct),
            posts,
            await db.EditorDrafts.AsNoTracking().Where(d => d.AuthorId == id).ToListAsync(ct),
            await db.Comments.AsNoTracking().Where(c => c.AuthorId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct),
            await db.Reactions.AsNoTracking().Where(r => r.UserId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(ct),
            await db.Follows.AsNoTracking().Where(f => f.FollowerId == id).OrderByDescending(f => f.CreatedAt).ToListAsync(ct),
            await db.Notifications.AsNoTracking().Where(n => n.RecipientId == id).OrderByDescending(n => n.Id).ToListAsync(ct),
            await db.LostPets.AsNoTracking().Include(p => p.Photos).Where(p => p.OwnerId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct),
            await db.LostPetSightings.AsNoTracking().Where(s => s.ReporterId == id).OrderByDescending(s => s.CreatedAt).ToListAsync(ct),
            await db.Patrols.AsNoTracking().Where(p => p.PlayerId == id).OrderByDescending(p => p.StartedAt).ToListAsync(ct),
            await db.ProtectionZones.AsNoTracking().Where(z => z.OwnerId == id).OrderBy(z => z.CreatedAt).ToListAsync(ct),
            await db.RoomChatMessages.AsNoTracking().Where(m => m.PlayerId == id).OrderByDescending(m => m.Id).ToListAsync(ct),
            await db.PlayerAchievements.AsNoTracking().Where(a => a.PlayerId == id).OrderBy(a => a.UnlockedAt).ToListAsync(ct),
            await db.Reports.AsNoTracking().Where(r => r.ReporterId == id).OrderByDescending(r => r.CreatedAt)
                .Select(r => new ExportedReport(r.TargetKind, r.TargetId, r.Reason, r.Details, r.Status, r.CreatedAt)).ToListAsync(ct),
            // About the player, without the moderator's name: that is the moderator's data.
            await db.UserSanctions.AsNoTracking().Where(s => s.UserId == id).OrderByDescending(s => s.CreatedAt)
                .Select(s => new ExportedSanction(s.Kind, s.Reason, s.CreatedAt, s.Until, s.LiftedAt)).ToListAsync(ct),
            await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == id).OrderByDescending(e => e.Id)
                .Select(e => new ExportedSecurityEvent(e.Type, e.Severity, e.IpAddress, e.Detail, e.OccurredAt)).ToListAsync(ct));
        return export with
        {
            Wallet = await db.WalletLinks.AsNoTracking().Where(w => w.PlayerId == id).Select(w => new Blockchain.WalletView(w.Address, w.LinkedAt)).FirstOrDefaultAsync(ct),
            Health = await HealthDevices.HealthExport.OfAsync(db, id, ct),
            Crypto = await Crypto.CryptoExport.OfAsync(db, id, ct),
            Territories = await Territories.TerritoryAccount.ExportAsync(db, id, ct),
            ChainTransactions = Blockchain.ChainTransactionView.ListOf(
                await db.ChainTransactions.AsNoTracking().Where(t => t.PlayerId == id).OrderByDescending(t => t.SubmittedAt).ToListAsync(ct)),
        };
    }

    /// <summary>The export as the JSON file the player downloads (ids as strings, enums by name).</summary>
    public static string ToJson(AccountExport export) => JsonSerializer.Serialize(export, JsonOptions);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new IdJsonConverter<UserId>(id => id.Value), new IdJsonConverter<CatId>(id => id.Value) },
    };

    /// <summary>
    /// Deletes the account once the player typed their user name: in one save the profile and sign-in are anonymised,
    /// cats (and litters on the way) go to the shelter, open offers, patrols and lost-pet posts close, drafts,
    /// notifications, follows and webhooks go, API keys are revoked. Then OAuth tokens are revoked and
    /// <see cref="AccountClosed"/> ends the open tabs.
    /// </summary>
    public async Task<Result<bool>> CloseAsync(UserId id, string? typedUserName, CancellationToken ct = default)
    {
        var result = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var player = await db.Players.FirstOrDefaultAsync(p => p.Id == id && p.ClosedAt == null, ct);
            if (player is null || id == Shelter.Id)
                return Result<bool>.Failure("This account no longer exists.");
            if (!string.Equals(typedUserName?.Trim(), player.UserName, StringComparison.OrdinalIgnoreCase))
                return Result<bool>.Failure($"Type your user name, {player.UserName}, to confirm.", "confirm");

            var now = clock.GetUtcNow();
            var cats = await db.Cats.Where(c => c.OwnerId == id).ToListAsync(ct);
            if (cats.Count > 0 || await db.Pregnancies.AnyAsync(p => p.OwnerId == id && p.BornAt == null, ct))
                await EnsureShelterAsync(db, now, ct);
            await Territories.TerritoryAccount.CloseAsync(db, id, now, ct); // before the cats move: their territories stay behind
            foreach (var cat in cats)
            {
                cat.ReleaseTo(Shelter.Id);
                db.CatEvents.Add(CatEvent.Create(cat.Id, CatEventType.Released, $"{cat.Name} moved to the {Shelter.DisplayName}.", now));
            }
            foreach (var pregnancy in await db.Pregnancies.Where(p => p.OwnerId == id && p.BornAt == null).ToListAsync(ct))
                pregnancy.ReleaseTo(Shelter.Id);
            foreach (var offer in await db.BreedingOffers.Where(o => (o.FromPlayerId == id || o.ToPlayerId == id) && o.Status == OfferStatus.Pending).ToListAsync(ct))
                offer.Close(offer.FromPlayerId == id ? OfferStatus.Withdrawn : OfferStatus.Declined, now);
            foreach (var patrol in await db.Patrols.Where(p => p.PlayerId == id && p.Status == PatrolStatus.Active).ToListAsync(ct))
                patrol.End(PatrolStatus.Recalled, now);
            foreach (var pet in await db.LostPets.Where(p => p.OwnerId == id).ToListAsync(ct))
            {
                if (pet.Status == LostPetStatus.Active)
                    pet.Close(LostPetStatus.Inactive, null, now);
                pet.ForgetContact();
            }
            await db.EditorDrafts.Where(d => d.AuthorId == id).ExecuteDeleteAsync(ct);
            await db.Notifications.Where(n => n.RecipientId == id).ExecuteDeleteAsync(ct);
            await db.Follows.Where(f => f.FollowerId == id || f.FolloweeId == id).ExecuteDeleteAsync(ct);
            await db.Webhooks.Where(w => w.OwnerId == id).ExecuteDeleteAsync(ct); // their deliveries go with them (cascade)
            await db.WebhookEvents.Where(e => e.OwnerId == id).ExecuteDeleteAsync(ct);
            await db.WalletLinks.Where(w => w.PlayerId == id).ExecuteDeleteAsync(ct); // the address is personal data
            await db.WalletChallenges.Where(c => c.PlayerId == id).ExecuteDeleteAsync(ct);
            await HealthDevices.HealthExport.DeleteAsync(db, id, ct);
            // Crypto balances, ledger, deposits and withdrawals stay: they are financial records (see CryptoExport).
            foreach (var key in await db.ApiKeys.Where(k => k.OwnerId == id && k.RevokedAt == null).ToListAsync(ct))
                key.Revoke(now);

            var anonymousName = AnonymousName(id);
            player.Close(anonymousName, now);
            await accounts.AnonymiseAsync(db, id, anonymousName, ct);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
        if (!result.Succeeded)
            return result;

        await accounts.RevokeTokensAsync(id, ct);
        bus.Publish(new AccountClosed(id));
        return result;
    }

    /// <summary>"deleted-" and the id's last 12 hex digits: unique, valid as a user name, and says nothing about the person.</summary>
    public static string AnonymousName(UserId id) => "deleted-" + id.Value.ToString("N")[^12..];

    private async Task EnsureShelterAsync(IPurrrDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Players.AnyAsync(p => p.Id == Shelter.Id, ct))
            return;
        await accounts.EnsureShelterAsync(db, ct);
        db.Players.Add(Shelter.NewPlayer(now));
    }

    private sealed class IdJsonConverter<T>(Func<T, Guid> value) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Exports are written, not read.");

        public override void Write(Utf8JsonWriter writer, T id, JsonSerializerOptions options) => writer.WriteStringValue(value(id));
    }
}

public sealed record AccountExport(
    DateTimeOffset ExportedAt,
    ExportedProfile Profile,
    IReadOnlyList<ExportedCat> Cats,
    IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<InventoryItem> Inventory,
    IReadOnlyList<Post> Posts,
    IReadOnlyList<EditorDraft> Drafts,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<Reaction> Reactions,
    IReadOnlyList<Follow> Following,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<LostPet> LostPets,
    IReadOnlyList<LostPetSighting> Sightings,
    IReadOnlyList<Patrol> Patrols,
    IReadOnlyList<ProtectionZone> Zones,
    IReadOnlyList<RoomChatMessage> ChatMessages,
    IReadOnlyList<PlayerAchievement> Achievements,
    IReadOnlyList<ExportedReport> ReportsFiled,
    IReadOnlyList<ExportedSanction> Sanctions,
    IReadOnlyList<ExportedSecurityEvent> SecurityEvents)
{
    /// <summary>The linked wallet (spec §11), if any.</summary>
    public Blockchain.WalletView? Wallet { get; init; }

    /// <summary>Health devices (without their keys), their readings and alerts.</summary>
    public HealthDevices.HealthExport? Health { get; init; }
    /// <summary>Crypto balances, their ledger, deposits and withdrawals (spec §5).</summary>
    public Crypto.CryptoExport? Crypto { get; init; }
    /// <summary>The territories the player's cats hold and the challenges they made or answered.</summary>
    public Territories.ExportedTerritories? Territories { get; init; }
    /// <summary>The mints and transfers made for the player (public on chain anyway, so kept when the account closes).</summary>
    public IReadOnlyList<Blockchain.ChainTransactionView> ChainTransactions { get; init; } = [];
}

public sealed record ExportedProfile(UserId Id, string UserName, string DisplayName, string Bio, string TimeZone, ThemePreference Theme, long Coins,
    DateTimeOffset JoinedAt, DateTimeOffset? LastSeenAt, double? HomeLatitude, double? HomeLongitude, bool LostPetAlerts, Security.ApiTier ApiTier);

public sealed record ExportedCat(CatId Id, string Name, string Breed, Personality Personality, string Genome, int Level, long Xp, CatStats Stats,
    string Description, bool IsPublic, DateTimeOffset AdoptedAt, CatId? MotherId, CatId? FatherId, int Generation, IReadOnlyList<ExportedCatEvent> History);

public sealed record ExportedCatEvent(string Type, string Detail, DateTimeOffset At);

public sealed record ExportedReport(ReportTarget Target, Guid TargetId, string Reason, string Details, ReportStatus Status, DateTimeOffset At);

public sealed record ExportedSanction(SanctionKind Kind, string Reason, DateTimeOffset At, DateTimeOffset? Until, DateTimeOffset? LiftedAt);

public sealed record ExportedSecurityEvent(Security.SecurityEventType Type, Security.SecuritySeverity Severity, string? IpAddress, string Detail, DateTimeOffset At);
