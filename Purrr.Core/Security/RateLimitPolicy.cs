namespace Purrr.Core.Security;

/// <summary>A player's API allowance (spec §2); admins change it, everyone starts on <see cref="Free"/>.</summary>
public enum ApiTier { Free, Premium, Enterprise }

/// <summary>
/// One limit of spec §2: at most <see cref="Limit"/> of something in any <see cref="Window"/>. <see cref="Counted"/> and
/// <see cref="Per"/> word the player's "slow down" message ("at most 60 actions a minute").
/// </summary>
public sealed record RateLimitPolicy(string Name, int Limit, TimeSpan Window, string Counted, string Per)
{
    /// <summary>Moves, chat messages and activities in live rooms: 60 a minute per player.</summary>
    public static readonly RateLimitPolicy RoomActions = new("room-actions", 60, TimeSpan.FromMinutes(1), "actions", "a minute");

    public static readonly RateLimitPolicy CompanionChat = new("companion-chat", 60, TimeSpan.FromMinutes(1), "messages", "a minute");

    public static readonly RateLimitPolicy Searches = new("searches", 100, TimeSpan.FromMinutes(1), "searches", "a minute");

    /// <summary>Publishing posts; counted from the stored posts (see PostService) so that the hour survives a restart.</summary>
    public static readonly RateLimitPolicy Posting = new("posting", 10, TimeSpan.FromHours(1), "posts", "an hour");

    public static readonly RateLimitPolicy ApiFree = new("api-free", 100, TimeSpan.FromHours(1), "requests", "an hour");
    public static readonly RateLimitPolicy ApiPremium = new("api-premium", 1_000, TimeSpan.FromHours(1), "requests", "an hour");
    public static readonly RateLimitPolicy ApiEnterprise = new("api-enterprise", 10_000, TimeSpan.FromHours(1), "requests", "an hour");

    public static RateLimitPolicy Api(ApiTier tier) => tier switch
    {
        ApiTier.Premium => ApiPremium,
        ApiTier.Enterprise => ApiEnterprise,
        _ => ApiFree,
    };

    /// <summary>What the security log says when a player goes over this limit (a RATE_LIMITED event).</summary>
    public string Exceeded => $"Went over {Limit:N0} {Counted} {Per} ({Name}).";

    /// <summary>What a player reads when over the limit; <paramref name="wait"/> is rounded up to whole seconds.</summary>
    public string SlowDown(TimeSpan wait) =>
        $"Slow down: at most {Limit:N0} {Counted} {Per}. Try again in {RateLimits.Seconds(wait)} s.";
}
