using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Setup;

[Trait("Category", "Integration")]
public sealed class AppStartupTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    [Fact]
    public async Task The_home_page_is_served_as_html()
    {
        using var client = AppClient.For(app);
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Raise cats. Protect strays. Meet the neighbourhood.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/cats")]
    [InlineData("/cats/adopt")]
    [InlineData("/Account/Manage")]
    [InlineData("/night-watch")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = AppClient.For(app);
        var response = await client.GetAsync(path);

        Assert.True(AppClient.IsRedirect(response), $"{path} answered {response.StatusCode}");
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", AppClient.RedirectTarget(response));
    }

    [Fact]
    public async Task Visitors_see_the_rooms_and_are_asked_to_sign_in_to_join()
    {
        using var client = AppClient.For(app);
        var html = await (await client.GetAsync("/rooms")).Content.ReadAsStringAsync();

        Assert.Contains("Live rooms", html);
        Assert.Contains("to bring a cat into a room", html);
        Assert.DoesNotContain("Coming soon", html);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var client = AppClient.For(app);
        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_database_is_a_migrated_sqlite_file_in_wal_mode_under_the_data_folder()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PurrrDbContext>>().CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(File.Exists(Path.Combine(app.DataFolder, "purrr.db")));
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
