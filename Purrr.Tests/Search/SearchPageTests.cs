using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Search;

namespace Purrr.Tests.Search;

[Trait("Category", "Component")]
public sealed class SearchPageTests : ServiceTestBase
{
    private IRenderedComponent<SearchPage> Render(BunitContext context, string query)
    {
        context.Render<MudPopoverProvider>();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"search?q={Uri.EscapeDataString(query)}");
        return context.Render<SearchPage>();
    }

    [Fact]
    public async Task Results_show_the_matched_words_highlighted_and_whatever_a_post_contains_as_plain_text()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostAsync(luna, "<img src=x onerror=alert(1)> Tabby tales", "My tabby <script>alert('x')</script> loves boxes.");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);

        var page = Render(context, "tabby");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("ul[aria-label='Posts found'] li")));
        var hit = page.Find("ul[aria-label='Posts found'] li");
        Assert.Equal("tabby", hit.QuerySelector("a.purrr-search-title mark")!.TextContent.ToLowerInvariant());
        Assert.Empty(hit.QuerySelectorAll("img, script"));
        Assert.Contains("<img src=x onerror=alert(1)>", hit.QuerySelector("a.purrr-search-title")!.TextContent);
        Assert.Contains("<script>", hit.QuerySelector("p.purrr-search-snippet")!.TextContent);
        Assert.Contains("Posts (1)", page.Markup);
    }

    [Fact]
    public async Task A_search_that_only_finds_a_player_opens_on_the_players_tab()
    {
        var luna = await NewPlayerAsync("luna");
        await NewPlayerAsync("marmalade");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);

        var page = Render(context, "marmal");

        page.WaitForAssertion(() => Assert.Contains("Players (1)", page.Markup));
        var player = page.Find("ul[aria-label='Players found'] li a");
        Assert.Equal("players/marmalade", player.GetAttribute("href"));
        Assert.Equal("marmal", player.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task A_search_without_words_says_what_to_do()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);

        var page = Render(context, "***");

        page.WaitForAssertion(() => Assert.Equal("Type a word to search for.", page.Find("[role=alert]").TextContent.Trim()));
    }
}
