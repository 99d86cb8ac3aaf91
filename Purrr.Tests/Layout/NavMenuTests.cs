using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Layout;

[Trait("Category", "Component")]
public class NavMenuTests
{
    [Fact]
    public async Task The_link_to_the_current_page_is_marked_active_and_follows_navigation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = ComponentTestContext.Create(database);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("cats/123?tab=care");

        var menu = context.Render<NavMenu>();

        menu.WaitForAssertion(() => Assert.Equal("page", Link(menu, "Cats").GetAttribute("aria-current")));
        var cats = Link(menu, "Cats");
        Assert.Contains("active", cats.ClassList);
        Assert.Equal("cats", cats.GetAttribute("href"));
        Assert.NotNull(cats.QuerySelector("svg.mud-nav-link-icon[aria-hidden='true'] path"));
        Assert.Null(Link(menu, "Home").GetAttribute("aria-current")); // Home is active on the home page only
        Assert.Single(menu.FindAll("a[aria-current='page']"));

        navigation.NavigateTo("");
        menu.WaitForAssertion(() => Assert.Equal("page", Link(menu, "Home").GetAttribute("aria-current")));
        Assert.DoesNotContain("active", Link(menu, "Cats").ClassList);

        navigation.NavigateTo("catsitters"); // a longer word is not a page under "cats"
        menu.WaitForAssertion(() => Assert.Empty(menu.FindAll("a[aria-current='page']")));
    }

    [Fact]
    public async Task Visitors_see_the_public_sections_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = ComponentTestContext.Create(database);

        var menu = context.Render<NavMenu>();

        var links = Texts(menu);
        Assert.Contains("Lost & Found", links);
        Assert.Contains("Night Watch", links);
        Assert.DoesNotContain("Who's online", links);
        Assert.DoesNotContain("Moderation", links);
        Assert.DoesNotContain("Admin", links);
        Assert.Empty(menu.FindAll("hr"));
        Assert.Equal("Main", menu.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Moderators_and_admins_get_their_consoles_below_a_divider()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var moderatorContext = ComponentTestContext.Create(database, (new UserId(Guid.NewGuid()), "luna"), roles: [Roles.Moderator]);
        var moderator = Texts(moderatorContext.Render<NavMenu>());
        Assert.Contains("Who's online", moderator);
        Assert.Contains("Moderation", moderator);
        Assert.DoesNotContain("Admin", moderator);

        await using var adminContext = ComponentTestContext.Create(database, (new UserId(Guid.NewGuid()), "admin"), roles: [Roles.Admin]);
        var adminMenu = adminContext.Render<NavMenu>();
        var admin = Texts(adminMenu);
        Assert.Equal(["Moderation", "Admin", "Audit log"], admin.SkipWhile(t => t != "Moderation").ToArray());
        Assert.Single(adminMenu.FindAll("hr.mud-divider"));

        adminContext.Services.GetRequiredService<NavigationManager>().NavigateTo("admin/audit");
        adminMenu.WaitForAssertion(() => Assert.Equal("page", Link(adminMenu, "Audit log").GetAttribute("aria-current")));
        Assert.Null(Link(adminMenu, "Admin").GetAttribute("aria-current")); // the console's front page matches exactly
    }

    [Fact]
    public async Task An_admins_feature_switch_hides_or_shows_its_links_in_an_open_menu()
    {
        await using var database = await TestDatabase.CreateAsync();
        var admin = await database.AddPlayerAsync("admin");
        await using var context = ComponentTestContext.Create(database, (new UserId(Guid.NewGuid()), "milo"));
        var flags = context.Services.GetRequiredService<Purrr.Core.Admin.FeatureFlags>();
        var menu = context.Render<NavMenu>();
        Assert.Contains("Night Watch", Texts(menu));
        Assert.DoesNotContain("Crypto", Texts(menu)); // off by default

        Assert.True((await flags.SetAsync(Purrr.Core.Admin.Feature.NightWatch, false, admin)).Succeeded);
        Assert.True((await flags.SetAsync(Purrr.Core.Admin.Feature.Crypto, true, admin)).Succeeded);

        menu.WaitForAssertion(() =>
        {
            var links = Texts(menu);
            Assert.DoesNotContain("Night Watch", links);
            Assert.DoesNotContain("Territories", links);
            Assert.Contains("Crypto", links);
        });
    }

    private static AngleSharp.Dom.IElement Link(IRenderedComponent<NavMenu> menu, string text) =>
        menu.FindAll("div.mud-nav-item > a.mud-nav-link").Single(a => a.TextContent.Trim() == text);

    private static List<string> Texts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToList();
}
