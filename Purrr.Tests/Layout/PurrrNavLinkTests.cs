using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Layout;

[Trait("Category", "Component")]
public class PurrrNavLinkTests
{
    [Fact]
    public async Task The_link_to_the_current_page_is_marked_active_and_follows_navigation()
    {
        await using var context = ComponentTestContext.Create();
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("cats");

        var cats = context.Render<PurrrNavLink>(p => p.Add(l => l.Href, "cats").Add(l => l.Match, NavLinkMatch.Prefix)
            .Add(l => l.Icon, Icons.Material.Filled.Pets).AddChildContent("Cats"));
        var shop = context.Render<PurrrNavLink>(p => p.Add(l => l.Href, "shop").AddChildContent("Shop"));

        var link = cats.Find("div.mud-nav-item > a.mud-nav-link");
        Assert.Equal("cats", link.GetAttribute("href"));
        Assert.Contains("active", link.ClassList);
        Assert.Equal("page", link.GetAttribute("aria-current"));
        Assert.Equal("Cats", link.QuerySelector(".mud-nav-link-text")!.TextContent);
        Assert.NotNull(link.QuerySelector("svg.mud-nav-link-icon[aria-hidden='true'] path"));
        Assert.DoesNotContain("active", shop.Find("a").ClassList);

        navigation.NavigateTo("shop");

        cats.WaitForAssertion(() => Assert.DoesNotContain("active", cats.Find("a").ClassList));
        shop.WaitForAssertion(() => Assert.Equal("page", shop.Find("a").GetAttribute("aria-current")));
    }
}
