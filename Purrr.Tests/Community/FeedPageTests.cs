using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Community;

namespace Purrr.Tests.Community;

[Trait("Category", "Component")]
public sealed class FeedPageTests : CommunityTestBase
{
    private static IReadOnlyList<string> Titles<T>(IRenderedComponent<T> page) where T : Microsoft.AspNetCore.Components.IComponent => [.. page.FindAll("article h2").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task The_community_page_lists_twenty_posts_and_load_more_brings_the_rest()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.AddPostsAsync([.. Enumerable.Range(0, 25).Select(i => APost.By(luna).Titled($"Post {i:00}").PublishedAt(TestClock.Noon.AddMinutes(-i)).Build())]);
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();

        var page = context.Render<CommunityPage>();

        page.WaitForAssertion(() => Assert.Equal(20, Titles(page).Count));
        Assert.Equal("Post 00", Titles(page)[0]);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Load more").Click();
        page.WaitForAssertion(() => Assert.Equal(25, Titles(page).Count));
        Assert.Equal("Post 24", Titles(page)[^1]);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() == "Load more");
    }

    [Fact]
    public async Task A_card_shows_author_tags_reading_time_and_counts()
    {
        var luna = await NewPlayerAsync("luna");
        await PostAsync(APost.By(luna).Titled("Naps").WithExcerpt("On sunny afternoons.").Tagged("sleep"));
        await using var context = ComponentTestContext.Create(Database, null, clock: Clock);

        var card = context.Render<CommunityPage>().Find("article");

        Assert.Contains("On sunny afternoons.", card.TextContent);
        Assert.Contains("luna", card.TextContent);
        Assert.Contains("1 min read", card.TextContent);
        Assert.Equal("community/tags/sleep", card.QuerySelector("ul[aria-label='Tags'] a")!.GetAttribute("href"));
        Assert.NotNull(card.QuerySelector("[aria-label='0 reactions']"));
        Assert.NotNull(card.QuerySelector("[aria-label='0 comments']"));
        Assert.NotNull(card.QuerySelector(".purrr-presence"));
    }

    [Fact]
    public async Task The_following_tab_asks_visitors_to_sign_in_and_says_when_you_follow_nobody()
    {
        var luna = await NewPlayerAsync("luna");
        await PostAsync(APost.By(luna));
        await using var visitorContext = ComponentTestContext.Create(Database, null, clock: Clock);
        await using var lunaContext = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);

        visitorContext.Services.GetRequiredService<NavigationManager>().NavigateTo("community?feed=following");
        lunaContext.Services.GetRequiredService<NavigationManager>().NavigateTo("community?feed=following");
        var forVisitor = visitorContext.Render<CommunityPage>();
        var forLuna = lunaContext.Render<CommunityPage>();

        Assert.Contains("to see posts by the players you follow", forVisitor.Markup);
        forLuna.WaitForAssertion(() => Assert.Contains("Follow players from their posts or profiles", forLuna.Markup));
        Assert.Equal("page", forLuna.Find("nav[aria-label='Feeds'] a.active").GetAttribute("aria-current"));
        Assert.Equal("Following", forLuna.Find("nav[aria-label='Feeds'] a.active").TextContent);
    }

    [Fact]
    public async Task A_tag_page_lists_only_that_tag()
    {
        var luna = await NewPlayerAsync("luna");
        await PostAsync(APost.By(luna).Titled("Sunny naps").Tagged("sleep"));
        await PostAsync(APost.By(luna).Titled("Dinner time").Tagged("food"));
        await using var context = ComponentTestContext.Create(Database, null, clock: Clock);

        var page = context.Render<TagPage>(p => p.Add(x => x.Tag, "Sleep"));

        Assert.Equal("#sleep", page.Find("h1").TextContent);
        page.WaitForAssertion(() => Assert.Equal(["Sunny naps"], Titles(page)));
    }
}
