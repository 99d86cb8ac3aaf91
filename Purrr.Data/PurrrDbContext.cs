using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
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
using Purrr.Core.Common;
using Purrr.Core.Genetics;
using Purrr.Core.Persistence;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Core.Security;
using Purrr.Core.Webhooks;
using Purrr.Data.Configurations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Purrr.Data;

/// <summary>
/// The one database of Purrr. Each provider has a subclass so that each gets its own migration set
/// (Migrations/Sqlite, Migrations/SqlServer); code uses this base type through IDbContextFactory.
/// </summary>
public abstract class PurrrDbContext(DbContextOptions options)
    : IdentityDbContext<PurrrUser, PurrrRole, UserId>(options), IPurrrDb, IDataProtectionKeyContext
{
    public DbSet<Player> Players => Set<Player>();
    public DbSet<Cat> Cats => Set<Cat>();
    public DbSet<CatEvent> CatEvents => Set<CatEvent>();
    public DbSet<Pregnancy> Pregnancies => Set<Pregnancy>();
    public DbSet<BreedingOffer> BreedingOffers => Set<BreedingOffer>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<InventoryItem> InventoryItems => Set<InventoryItem>();
    public DbSet<ActivityEvent> ActivityEvents => Set<ActivityEvent>();
    public DbSet<PlayerCounter> PlayerCounters => Set<PlayerCounter>();
    public DbSet<PlayerQuest> PlayerQuests => Set<PlayerQuest>();
    public DbSet<PlayerAchievement> PlayerAchievements => Set<PlayerAchievement>();
    public DbSet<PawMatchGame> PawMatchGames => Set<PawMatchGame>();
    public DbSet<Patrol> Patrols => Set<Patrol>();
    public DbSet<PatrolCat> PatrolCats => Set<PatrolCat>();
    public DbSet<ProtectionZone> ProtectionZones => Set<ProtectionZone>();
    public DbSet<NightWatchEvent> NightWatchEvents => Set<NightWatchEvent>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<RoomVisit> RoomVisits => Set<RoomVisit>();
    public DbSet<RoomChatMessage> RoomChatMessages => Set<RoomChatMessage>();
    public DbSet<Purrr.Core.ScaleOut.WorkLease> WorkLeases => Set<Purrr.Core.ScaleOut.WorkLease>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by every instance (cookies, antiforgery, protected storage).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostTag> PostTags => Set<PostTag>();
    public DbSet<EditorDraft> EditorDrafts => Set<EditorDraft>();
    public DbSet<StoredImage> StoredImages => Set<StoredImage>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<TrendingScore> TrendingScores => Set<TrendingScore>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<UserSanction> UserSanctions => Set<UserSanction>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<LostPet> LostPets => Set<LostPet>();
    public DbSet<LostPetPhoto> LostPetPhotos => Set<LostPetPhoto>();
    public DbSet<LostPetSighting> LostPetSightings => Set<LostPetSighting>();
    public DbSet<FeatureFlag> FeatureFlags => Set<FeatureFlag>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<WalletLink> WalletLinks => Set<WalletLink>();
    public DbSet<WalletChallenge> WalletChallenges => Set<WalletChallenge>();
    public DbSet<ChainContract> ChainContracts => Set<ChainContract>();
    public DbSet<CatNft> CatNfts => Set<CatNft>();
    public DbSet<ChainTransaction> ChainTransactions => Set<ChainTransaction>();
    public DbSet<GasLedgerEntry> GasLedger => Set<GasLedgerEntry>();
    public DbSet<Purrr.Core.Companion.CompanionMessage> CompanionMessages => Set<Purrr.Core.Companion.CompanionMessage>();
    public DbSet<Purrr.Core.PersonalityAnalysis.PersonalityFeedback> PersonalityFeedback => Set<Purrr.Core.PersonalityAnalysis.PersonalityFeedback>();
    public DbSet<Purrr.Core.HealthDevices.HealthDevice> HealthDevices => Set<Purrr.Core.HealthDevices.HealthDevice>();
    public DbSet<Purrr.Core.HealthDevices.HealthReading> HealthReadings => Set<Purrr.Core.HealthDevices.HealthReading>();
    public DbSet<Purrr.Core.HealthDevices.HealthAlert> HealthAlerts => Set<Purrr.Core.HealthDevices.HealthAlert>();
    public DbSet<Purrr.Core.Crypto.CryptoBalance> CryptoBalances => Set<Purrr.Core.Crypto.CryptoBalance>();
    public DbSet<Purrr.Core.Crypto.CryptoLedgerEntry> CryptoLedger => Set<Purrr.Core.Crypto.CryptoLedgerEntry>();
    public DbSet<Purrr.Core.Crypto.CryptoCharge> CryptoCharges => Set<Purrr.Core.Crypto.CryptoCharge>();
    public DbSet<Purrr.Core.Crypto.CryptoWithdrawal> CryptoWithdrawals => Set<Purrr.Core.Crypto.CryptoWithdrawal>();
    public DbSet<Purrr.Core.Territories.Territory> Territories => Set<Purrr.Core.Territories.Territory>();
    public DbSet<Purrr.Core.Territories.TerritoryChallenge> TerritoryChallenges => Set<Purrr.Core.Territories.TerritoryChallenge>();

    public IQueryable<Account> Accounts => Users.Select(u => new Account
    {
        Id = u.Id,
        Email = u.Email,
        IsModerator = UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && r.Name == Core.Accounts.Roles.Moderator)),
        IsAdmin = UserRoles.Any(ur => ur.UserId == u.Id && Roles.Any(r => r.Id == ur.RoleId && r.Name == Core.Accounts.Roles.Admin)),
    });
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PurrrDbContext).Assembly);
        builder.UseOpenIddict(); // OAuth2 clients, authorizations and tokens (Purrr.Data/OAuth)
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<UserId>().HaveConversion<UserIdConverter>();
        conventions.Properties<CatId>().HaveConversion<CatIdConverter>();
        conventions.Properties<Genome>().HaveConversion<GenomeConverter>().HaveMaxLength(GenomeConverter.MaxLength);
    }
}

public sealed class SqlitePurrrDbContext(DbContextOptions<SqlitePurrrDbContext> options) : PurrrDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Instants are stored as (100 µs ticks << 11): one integer division gives the UTC day (see UtcInstantConverter).
        builder.HasDbFunction(typeof(DayNumber).GetMethod(nameof(DayNumber.Of))!).HasTranslation(args =>
            new SqlBinaryExpression(ExpressionType.Divide, args[0],
                new SqlConstantExpression(TimeSpan.TicksPerDay / 1000 << 11, typeof(long), LongMapping), typeof(long), LongMapping));
    }

    private static readonly LongTypeMapping LongMapping = new("INTEGER");

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        // SQLite has no date type: store instants as sortable integers so queries can compare and order them.
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }
}

/// <summary>
/// A <see cref="DateTimeOffset"/> as a sortable integer of its UTC instant. EF Core's own binary converter encodes the
/// local clock time, so values stored with different offsets (a patrol's dawn in Tokyo) would compare wrongly in SQL.
/// The layout is EF Core's (100 µs ticks shifted left 11 bits, offset minutes below), always with offset zero, so rows
/// it wrote in UTC read the same.
/// </summary>
public sealed class UtcInstantConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    value => (value.UtcTicks / 1000) << 11,
    stored => Decode(stored))
{
    private static DateTimeOffset Decode(long stored)
    {
        var offsetMinutes = (int)((stored << 53) >> 53); // the low 11 bits, sign-extended: older rows may carry an offset
        var local = new DateTime((stored >> 11) * 1000);
        return new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();
    }
}

public sealed class SqlServerPurrrDbContext(DbContextOptions<SqlServerPurrrDbContext> options) : PurrrDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Days from 0001-01-01 to the instant's UTC date: DATEDIFF_BIG(day, '0001-01-01', SWITCHOFFSET(at, '+00:00')).
        builder.HasDbFunction(typeof(DayNumber).GetMethod(nameof(DayNumber.Of))!).HasTranslation(args =>
            new SqlFunctionExpression("DATEDIFF_BIG",
                [new SqlFragmentExpression("day"), new SqlFragmentExpression("CAST('0001-01-01' AS date)"),
                 new SqlFunctionExpression("SWITCHOFFSET", [args[0], new SqlFragmentExpression("'+00:00'")], nullable: true,
                     argumentsPropagateNullability: [true, false], typeof(DateTimeOffset), args[0].TypeMapping)],
                nullable: true, argumentsPropagateNullability: [false, false, true], typeof(long), LongMapping));
    }

    private static readonly LongTypeMapping LongMapping = new("bigint");
}
