using Bunit;
using Microsoft.AspNetCore.Components;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Layout;

[Trait("Category", "Component")]
public class MainLayoutTests
{
    /// <summary>A page that fails while rendering, until told not to.</summary>
    private sealed class FlakyPage : ComponentBase
    {
        public static bool Broken = true;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            if (Broken)
                throw new InvalidOperationException("boom");
            builder.AddContent(0, "All good again");
        }
    }

    [Fact]
    public async Task A_failing_page_shows_a_friendly_message_and_try_again_recovers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = ComponentTestContext.Create(database);
        FlakyPage.Broken = true;

        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, b => { b.OpenComponent<FlakyPage>(0); b.CloseComponent(); }));

        layout.WaitForAssertion(() => Assert.Contains("Something went wrong on our side.", layout.Markup));
        Assert.Contains("Nothing you entered is lost.", layout.Markup);
        Assert.DoesNotContain("boom", layout.Markup); // no internals shown to players

        FlakyPage.Broken = false;
        layout.FindAll("button").Single(b => b.TextContent.Trim() == "Try again").Click();
        layout.WaitForAssertion(() => Assert.Contains("All good again", layout.Markup));
    }

    [Fact]
    public async Task Visitors_see_sign_in_and_sign_up_and_the_main_sections()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = ComponentTestContext.Create(database);

        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "Page")));

        var links = layout.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Sign in", links);
        Assert.Contains("Sign up", links);
        foreach (var section in new[] { "Home", "Cats", "Night Watch", "Rooms", "Community", "Lost & Found" })
            Assert.Contains(section, links);
        Assert.DoesNotContain("Admin", links); // only for admins
    }

    [Fact]
    public async Task The_first_link_skips_to_the_main_landmark()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = ComponentTestContext.Create(database);

        var layout = context.Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddContent(0, "Page")));

        var first = layout.FindAll("a, button, input").First();
        Assert.Equal("Skip to main content", first.TextContent.Trim());
        Assert.EndsWith("#main", first.GetAttribute("href"));
        var main = layout.Find("main#main");
        Assert.Equal("-1", main.GetAttribute("tabindex"));
        Assert.Contains("Page", main.TextContent);
    }
}
