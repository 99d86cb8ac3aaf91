using Purrr.Core.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class PlayerServiceTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private PlayerService players = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        players = new PlayerService(database.Factory);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_profile_update_is_saved()
    {
        var luna = await database.AddPlayerAsync("luna");

        var saved = await players.UpdateProfileAsync(luna, new ProfileUpdate("  Luna Lovecat ", "Three cats and counting", "Europe/Paris"));

        Assert.True(saved.Succeeded);
        var player = await players.FindAsync(luna);
        Assert.Equal(("Luna Lovecat", "Three cats and counting", "Europe/Paris"), (player!.DisplayName, player.Bio, player.TimeZoneId));
    }

    [Fact]
    public async Task A_bad_profile_update_changes_nothing()
    {
        var luna = await database.AddPlayerAsync("luna", timeZone: "Asia/Tokyo");

        var saved = await players.UpdateProfileAsync(luna, new ProfileUpdate("", null, "Not/AZone"));

        Assert.False(saved.Succeeded);
        var player = await players.FindAsync(luna);
        Assert.Equal(("luna", "Asia/Tokyo"), (player!.DisplayName, player.TimeZoneId));
    }

    [Fact]
    public async Task The_theme_choice_is_remembered()
    {
        var luna = await database.AddPlayerAsync("luna");

        await players.SetThemeAsync(luna, ThemePreference.Dark);

        Assert.Equal(ThemePreference.Dark, (await players.FindAsync(luna))!.Theme);
    }
}
