using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Api;
using Purrr.Core.Activity;
using Purrr.Core.Blockchain;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Community;
using Purrr.Core.Economy;
using Purrr.Core.LostPets;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Games;
using Purrr.Core.NightWatch;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Core.Security;
using Purrr.Core.Webhooks;

namespace Purrr.Core.Persistence;

/// <summary>One unit of work against the database: a short-lived context, disposed after one operation.</summary>
public interface IPurrrDb : IAsyncDisposable
{
    DbSet<Player> Players { get; }
    DbSet<Cat> Cats { get; }
    DbSet<CatEvent> CatEvents { get; }
    DbSet<Pregnancy> Pregnancies { get; }
    DbSet<BreedingOffer> BreedingOffers { get; }
    DbSet<LedgerEntry> LedgerEntries { get; }
    DbSet<InventoryItem> InventoryItems { get; }
    DbSet<ActivityEvent> ActivityEvents { get; }
    DbSet<PlayerCounter> PlayerCounters { get; }
    DbSet<PlayerQuest> PlayerQuests { get; }
    DbSet<PlayerAchievement> PlayerAchievements { get; }
    DbSet<PawMatchGame> PawMatchGames { get; }
    DbSet<Patrol> Patrols { get; }
    DbSet<PatrolCat> PatrolCats { get; }
    DbSet<ProtectionZone> ProtectionZones { get; }
    DbSet<NightWatchEvent> NightWatchEvents { get; }
    DbSet<SecurityEvent> SecurityEvents { get; }
    DbSet<RoomVisit> RoomVisits { get; }
    DbSet<RoomChatMessage> RoomChatMessages { get; }
    DbSet<Purrr.Core.ScaleOut.WorkLease> WorkLeases { get; }
    DbSet<Follow> Follows { get; }
    DbSet<Post> Posts { get; }
    DbSet<PostTag> PostTags { get; }
    DbSet<EditorDraft> EditorDrafts { get; }
    DbSet<StoredImage> StoredImages { get; }
    DbSet<Comment> Comments { get; }
    DbSet<Reaction> Reactions { get; }
    DbSet<TrendingScore> TrendingScores { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<Report> Reports { get; }
    DbSet<UserSanction> UserSanctions { get; }
    DbSet<AuditEntry> AuditLog { get; }
    DbSet<LostPet> LostPets { get; }
    DbSet<LostPetPhoto> LostPetPhotos { get; }
    DbSet<LostPetSighting> LostPetSightings { get; }
    DbSet<FeatureFlag> FeatureFlags { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<WalletLink> WalletLinks { get; }
    DbSet<WalletChallenge> WalletChallenges { get; }
    DbSet<ChainContract> ChainContracts { get; }
    DbSet<CatNft> CatNfts { get; }
    DbSet<ChainTransaction> ChainTransactions { get; }
    DbSet<GasLedgerEntry> GasLedger { get; }
    DbSet<Companion.CompanionMessage> CompanionMessages { get; }
    DbSet<PersonalityAnalysis.PersonalityFeedback> PersonalityFeedback { get; }
    DbSet<HealthDevices.HealthDevice> HealthDevices { get; }
    DbSet<HealthDevices.HealthReading> HealthReadings { get; }
    DbSet<HealthDevices.HealthAlert> HealthAlerts { get; }
    DbSet<Crypto.CryptoBalance> CryptoBalances { get; }
    DbSet<Crypto.CryptoLedgerEntry> CryptoLedger { get; }
    DbSet<Crypto.CryptoCharge> CryptoCharges { get; }
    DbSet<Crypto.CryptoWithdrawal> CryptoWithdrawals { get; }
    DbSet<Territories.Territory> Territories { get; }
    DbSet<Territories.TerritoryChallenge> TerritoryChallenges { get; }

    /// <summary>Sign-in accounts with their roles, read only (roles and sessions change through <see cref="IAccountAdmin"/>).</summary>
    IQueryable<Account> Accounts { get; }
    DbSet<Webhook> Webhooks { get; }
    DbSet<WebhookEvent> WebhookEvents { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Creates one <see cref="IPurrrDb"/> per operation (never one per circuit).</summary>
public interface IPurrrDbFactory
{
    Task<IPurrrDb> CreateAsync(CancellationToken cancellationToken = default);
}
