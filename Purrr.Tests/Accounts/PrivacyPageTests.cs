using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Settings;

namespace Purrr.Tests.Accounts;

[Trait("Category", "Component")]
public sealed class PrivacyPageTests : ServiceTestBase
{
    [Fact]
    public async Task The_page_offers_the_download_and_asks_for_the_user_name_before_deleting()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddAccountStore(Database));

        var page = context.Render<PrivacyPage>();

        page.WaitForAssertion(() => Assert.Contains("Type your user name (luna) to confirm", page.Markup));
        var download = page.Find("a[download]");
        Assert.Equal("settings/privacy/export", download.GetAttribute("href"));
        Assert.Contains("Download my data", download.TextContent);
    }

    [Fact]
    public async Task A_wrong_name_shows_why_and_deletes_nothing()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddAccountStore(Database));
        var page = context.Render<PrivacyPage>();
        page.WaitForAssertion(() => Assert.Contains("(luna)", page.Markup));

        page.Find("input").Change("milo");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Type your user name, luna, to confirm.", page.Markup));
        Assert.Equal("milo", page.Find("input").GetAttribute("value")); // what was typed stays
        await using var db = Database.NewContext();
        Assert.False((await db.Players.SingleAsync(p => p.Id == luna)).IsClosed);
        Assert.EndsWith("/", context.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_right_name_deletes_the_account_and_leaves_for_the_goodbye_page()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddAccountStore(Database));
        var page = context.Render<PrivacyPage>();
        page.WaitForAssertion(() => Assert.Contains("(luna)", page.Markup));

        page.Find("input").Change("luna");
        await page.Find("form").SubmitAsync();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/Account/Closed", navigation.Uri));
        await using var db = Database.NewContext();
        Assert.True((await db.Players.SingleAsync(p => p.Id == luna)).IsClosed);
    }
}
