using Microsoft.EntityFrameworkCore;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

[Trait("Category", "Integration")]
public sealed class CatServiceTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private CatService cats = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var clock = TestClock.AtNoon();
        cats = new CatService(database.Factory, clock, new SeededRandomSource(42), new SecurityLog(database.Factory, clock, new InMemoryEventBus()), new InMemoryEventBus());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task An_adopted_cat_is_stored_with_its_genome_and_listed_for_its_owner()
    {
        var luna = await database.AddPlayerAsync("luna");

        var adopted = await cats.AdoptAsync(luna, new AdoptCatRequest("Mochi", "ragdoll", Personality.SocialButterfly));

        Assert.True(adopted.Succeeded);
        var listed = Assert.Single(await cats.ListOwnedAsync(luna));
        Assert.Equal(("Mochi", "Ragdoll", Personality.SocialButterfly, 1, "luna"), (listed.Name, listed.BreedName, listed.Personality, listed.Level, listed.OwnerName));
        Assert.Equal(adopted.Value.Genome, listed.Genome);
    }

    [Fact]
    public async Task Bad_input_stores_nothing()
    {
        var luna = await database.AddPlayerAsync("luna");

        var result = await cats.AdoptAsync(luna, new AdoptCatRequest(new string('x', 101), "sphynx"));

        Assert.Equal(2, result.Problems.Count);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Cats.CountAsync());
    }

    [Fact]
    public async Task A_player_who_no_longer_exists_cannot_adopt()
    {
        var result = await cats.AdoptAsync(UserId.New(), new AdoptCatRequest("Ghost", "bengal"));
        Assert.Equal("Sign in again to adopt a cat.", result.FirstMessage);
    }

    [Fact]
    public async Task The_profile_shows_everything_the_cat_page_needs()
    {
        var luna = await database.AddPlayerAsync("luna");
        var mochi = (await cats.AdoptAsync(luna, new AdoptCatRequest("Mochi", "ragdoll", Personality.Lazy))).Value;

        var profile = await cats.GetProfileAsync(mochi.Id, viewer: null);

        Assert.NotNull(profile);
        Assert.Equal(("Mochi", "luna", "Ragdoll", Personality.Lazy, 1, 0L), (profile.Name, profile.OwnerName, profile.BreedName, profile.Personality, profile.Level, profile.Xp));
        Assert.Equal(12, profile.Stats.All.Count);
    }

    [Fact]
    public async Task Another_players_private_cat_looks_missing_and_the_attempt_is_logged()
    {
        var luna = await database.AddPlayerAsync("luna");
        var milo = await database.AddPlayerAsync("milo");
        var secret = (await cats.AdoptAsync(milo, new AdoptCatRequest("Secret", "russian_blue", IsPublic: false))).Value;

        Assert.Null(await cats.GetProfileAsync(secret.Id, luna));
        Assert.Null(await cats.GetProfileAsync(secret.Id, viewer: null));
        Assert.NotNull(await cats.GetProfileAsync(secret.Id, milo));

        await using var db = database.NewContext();
        var logged = Assert.Single(await db.SecurityEvents.ToListAsync());
        Assert.Equal((SecurityEventType.UnauthorizedAccess, SecuritySeverity.High, (UserId?)luna), (logged.Type, logged.Severity, logged.UserId));
    }

    [Fact]
    public async Task Only_the_owner_can_change_who_sees_a_cat()
    {
        var luna = await database.AddPlayerAsync("luna");
        var milo = await database.AddPlayerAsync("milo");
        var mochi = (await cats.AdoptAsync(luna, new AdoptCatRequest("Mochi", "ragdoll"))).Value;

        Assert.False((await cats.SetVisibilityAsync(milo, mochi.Id, isPublic: false)).Succeeded);
        Assert.True((await cats.SetVisibilityAsync(luna, mochi.Id, isPublic: false)).Succeeded);

        Assert.Null(await cats.GetProfileAsync(mochi.Id, milo));
        Assert.Empty(await cats.ListRecentPublicAsync(10));
    }

    [Fact]
    public async Task The_front_page_shows_the_newest_public_cats_first()
    {
        var clock = TestClock.AtNoon();
        var service = new CatService(database.Factory, clock, new SeededRandomSource(1), new SecurityLog(database.Factory, clock, new InMemoryEventBus()), new InMemoryEventBus());
        var luna = await database.AddPlayerAsync("luna");
        foreach (var name in new[] { "First", "Second", "Third" })
        {
            await service.AdoptAsync(luna, new AdoptCatRequest(name, "bengal"));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["Third", "Second"], (await service.ListRecentPublicAsync(2)).Select(c => c.Name));
    }
}
