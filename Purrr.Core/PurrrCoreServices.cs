using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Api;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Games;
using Purrr.Core.LostPets;
using Purrr.Core.Moderation;
using Purrr.Core.NightWatch;
using Purrr.Core.Notifications;
using Purrr.Core.Presence;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Core.Search;
using Purrr.Core.Security;
using Purrr.Core.Webhooks;

namespace Purrr.Core;

public static class PurrrCoreServices
{
    /// <summary>Core's services. They hold no per-user state, so one instance serves every circuit.</summary>
    public static IServiceCollection AddPurrrCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.TryAddSingleton<IEventBus, InMemoryEventBus>();
        services.TryAddSingleton(AppInstance.Alone); // Purrr.Data's AddPurrrRedis makes it shared
        services.TryAddSingleton<IWeatherProvider, SeasonalWeather>();
        services.AddOptions<NightWatchOptions>();
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<PlayerService>();
        services.AddSingleton<AccountData>();
        services.AddSingleton<CatService>();
        services.AddSingleton<CareService>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<BreedingService>();
        services.AddSingleton<WalletService>();
        services.AddSingleton<ProgressService>();
        services.AddSingleton<QuestService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<LeaderboardService>();
        services.AddSingleton<PawMatchService>();
        services.AddSingleton<NightWatchService>();
        services.AddSingleton<NightWatchSimulator>();
        services.AddSingleton<Territories.TerritoryService>();
        services.AddSingleton<RoomRegistry>();
        services.AddSingleton<ScaleOut.WorkLeases>();
        services.AddSingleton<RoomService>();
        services.AddSingleton<PostRenderer>();
        services.AddSingleton<LostPetService>();
        services.AddSingleton<PostService>();
        services.AddSingleton<ImageService>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<FollowService>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<TrendingService>();
        services.AddSingleton<ReactionService>();
        services.AddSingleton<CommentService>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<FeatureFlags>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<Admin.Users.UserAdminService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ModerationService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<HealthDevices.HealthDeviceService>();
        services.AddSingleton<HealthDevices.CatHealthService>();
        services.AddSingleton<HealthDevices.SilenceWatch>();
        services.AddSingleton<Purrr.Core.ThreeD.SceneCareService>();
        services.AddOptions<WebhookOptions>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<PersonalityAnalysis.PersonalityModels>();
        services.AddSingleton<PersonalityAnalysis.PersonalityService>();
        services.AddPurrrAiFeatures();
        services.AddPurrrBlockchain();
        services.AddPurrrCrypto();
        return services;
    }

    /// <summary>The AI features (issue 12). The <see cref="Microsoft.Extensions.AI.IChatClient"/> is the offline engine unless a provider registered one first.</summary>
    public static IServiceCollection AddPurrrAiFeatures(this IServiceCollection services)
    {
        services.TryAddSingleton(new Ai.OfflineAiOptions());
        services.TryAddSingleton<Microsoft.Extensions.AI.IChatClient, Ai.OfflineChatClient>();
        services.AddSingleton<Companion.CompanionChatService>();
        services.AddSingleton<WritingAssistant>();
        services.AddSingleton<ModerationScorer>();
        return services;
    }

    /// <summary>The blockchain features (issue 13), all refused while <see cref="Admin.Feature.Blockchain"/> is off.</summary>
    public static IServiceCollection AddPurrrBlockchain(this IServiceCollection services)
    {
        services.AddOptions<Blockchain.BlockchainOptions>();
        services.AddSingleton<Blockchain.WalletLinkService>();
        services.AddSingleton<Blockchain.ChainAdminService>();
        services.AddSingleton<Blockchain.NftOwnershipSync>();
        services.AddSingleton<Blockchain.NftService>();
        return services;
    }

    /// <summary>Crypto balances (issue 18), all refused while <see cref="Admin.Feature.Crypto"/> is off; the provider and authenticator come from Purrr.Data.</summary>
    public static IServiceCollection AddPurrrCrypto(this IServiceCollection services)
    {
        services.AddOptions<Crypto.CryptoOptions>();
        services.AddSingleton<Crypto.CryptoService>();
        return services;
    }
}
