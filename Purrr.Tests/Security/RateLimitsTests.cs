using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

public class RateLimitsTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.AtNoon();
    private readonly UserId player = UserId.New();
    private static readonly RateLimitPolicy TwoAMinute = new("test", 2, TimeSpan.FromMinutes(1), "actions", "a minute");
    private static readonly RateLimitPolicy OneAMinute = new("test-one", 1, TimeSpan.FromMinutes(1), "actions", "a minute");

    [Fact]
    public void Sixty_room_actions_in_a_minute_are_fine_and_the_61st_is_told_to_slow_down()
    {
        var limits = new RateLimits(clock);
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(limits.TryAct(RateLimitPolicy.RoomActions, player));
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        var refused = limits.TryAct(RateLimitPolicy.RoomActions, player);

        Assert.Equal("Slow down: at most 60 actions a minute. Try again in 30 s.", refused?.Message);
    }

    [Fact]
    public void The_window_slides_so_the_oldest_action_frees_a_place_a_minute_later()
    {
        var limits = new RateLimits(clock);
        Assert.Null(limits.TryAct(TwoAMinute, player));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(limits.TryAct(TwoAMinute, player));
        Assert.NotNull(limits.TryAct(TwoAMinute, player));

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(limits.TryAct(TwoAMinute, player));
        Assert.NotNull(limits.TryAct(TwoAMinute, player));
    }

    [Fact]
    public void A_refused_action_does_not_count()
    {
        var limits = new RateLimits(clock);
        Assert.Null(limits.TryAct(OneAMinute, player));
        for (var i = 0; i < 5; i++)
            Assert.NotNull(limits.TryAct(OneAMinute, player));

        clock.Advance(OneAMinute.Window);

        Assert.Null(limits.TryAct(OneAMinute, player));
    }

    [Fact]
    public void Players_and_policies_are_limited_separately()
    {
        var limits = new RateLimits(clock);
        Assert.Null(limits.TryAct(OneAMinute, player));

        Assert.Null(limits.TryAct(OneAMinute, UserId.New()));
        Assert.Null(limits.TryAct(RateLimitPolicy.Searches, player));
    }

    [Fact]
    public void Quiet_players_are_forgotten_by_the_sweep()
    {
        var limits = new RateLimits(clock);
        limits.TryAct(RateLimitPolicy.RoomActions, player);
        limits.Sweep();
        Assert.Equal(1, limits.Tracked(RateLimitPolicy.RoomActions));

        clock.Advance(RateLimitPolicy.RoomActions.Window);
        limits.Sweep();

        Assert.Equal(0, limits.Tracked(RateLimitPolicy.RoomActions));
    }

    [Theory]
    [InlineData(ApiTier.Free, 100)]
    [InlineData(ApiTier.Premium, 1_000)]
    [InlineData(ApiTier.Enterprise, 10_000)]
    public void Api_tiers_allow_their_hourly_number_of_requests(ApiTier tier, int perHour)
    {
        var limits = new RateLimits(clock);
        ApiAdmission last = null!;
        for (var i = 0; i < perHour; i++)
            last = limits.AdmitApi("key:a", tier);

        var refused = limits.AdmitApi("key:a", tier);

        Assert.Equal((true, perHour, 0), (last.Allowed, last.Limit, last.Remaining));
        Assert.False(refused.Allowed);
        Assert.Equal(3600, refused.RetryAfterSeconds);
    }

    [Fact]
    public void Api_admission_counts_down_and_resets_an_hour_after_the_oldest_request()
    {
        var limits = new RateLimits(clock);
        var start = clock.GetUtcNow();
        var first = limits.AdmitApi("user:luna", ApiTier.Free);
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = limits.AdmitApi("user:luna", ApiTier.Free);

        Assert.Equal((99, start.AddHours(1)), (first.Remaining, first.Reset));
        Assert.Equal((98, start.AddHours(1)), (second.Remaining, second.Reset));
    }

    [Fact]
    public void Five_violations_within_an_hour_ban_the_client_for_an_hour_and_no_one_else()
    {
        var limits = new RateLimits(clock);
        for (var i = 0; i < 100; i++)
            limits.AdmitApi("ip:10.0.0.9", ApiTier.Free);

        var violations = Enumerable.Range(0, RateLimits.ViolationsBeforeBan).Select(_ => limits.AdmitApi("ip:10.0.0.9", ApiTier.Free)).ToList();

        Assert.All(violations.SkipLast(1), v => Assert.False(v.Banned));
        Assert.True(violations[^1].JustBanned);
        Assert.Equal(clock.GetUtcNow() + RateLimits.BanLength, limits.BannedUntil("ip:10.0.0.9"));
        Assert.True(limits.AdmitApi("ip:10.0.0.10", ApiTier.Free).Allowed);

        clock.Advance(TimeSpan.FromMinutes(59)); // the hourly allowance is back, the ban is not over
        var stillBanned = limits.AdmitApi("ip:10.0.0.9", ApiTier.Free);
        Assert.Equal((false, true, false, 60), (stillBanned.Allowed, stillBanned.Banned, stillBanned.JustBanned, stillBanned.RetryAfterSeconds));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limits.AdmitApi("ip:10.0.0.9", ApiTier.Free).Allowed);
    }

    [Fact]
    public void Violations_spread_over_more_than_an_hour_do_not_ban()
    {
        var limits = new RateLimits(clock);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100; i++)
                limits.AdmitApi("key:slow", ApiTier.Free);
            Assert.False(limits.AdmitApi("key:slow", ApiTier.Free).Allowed);
            Assert.False(limits.AdmitApi("key:slow", ApiTier.Free).Allowed);
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Null(limits.BannedUntil("key:slow"));
    }
}

public class RateLimitsWiringTests
{
    [Fact]
    public void Rooms_and_search_count_on_the_one_limiter_of_the_app()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Purrr.Core.PurrrCoreServices.AddPurrrCore(services);
        services.AddSingleton<Purrr.Core.Persistence.IPurrrDbFactory, NoDatabase>();
        services.AddSingleton<Purrr.Core.Search.IPostSearch, NoDatabase>();
        services.AddSingleton<TimeProvider>(TestClock.AtNoon());
        using var provider = services.BuildServiceProvider();
        var limits = provider.GetRequiredService<RateLimits>();
        var player = UserId.New();
        for (var i = 0; i < 60; i++)
            limits.TryAct(RateLimitPolicy.RoomActions, player);

        var registry = provider.GetRequiredService<Purrr.Core.Rooms.RoomRegistry>();

        Assert.Equal(1, registry.RateLimitedPlayers); // the registry sees what the shared limiter counted
        Assert.Equal(0, provider.GetRequiredService<Purrr.Core.Search.SearchService>().TrackedSearchers);
        limits.TryAct(RateLimitPolicy.Searches, player);
        Assert.Equal(1, provider.GetRequiredService<Purrr.Core.Search.SearchService>().TrackedSearchers);
    }

    private sealed class NoDatabase : Purrr.Core.Persistence.IPurrrDbFactory, Purrr.Core.Search.IPostSearch
    {
        public Task<Purrr.Core.Persistence.IPurrrDb> CreateAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException("No database here.");

        public Task<IReadOnlyList<Purrr.Core.Search.PostHit>> SearchAsync(Purrr.Core.Search.SearchTerms terms, int skip, int take, CancellationToken ct = default) =>
            throw new InvalidOperationException("No search here.");
    }
}
