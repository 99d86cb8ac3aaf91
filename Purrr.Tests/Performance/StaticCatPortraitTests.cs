using Bunit;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.Performance;

/// <summary>The shared-markup portrait (cards, home page) must draw exactly what the live CatPortrait draws.</summary>
[Trait("Category", "Component")]
public class StaticCatPortraitTests
{
    [Fact]
    public async Task Draws_the_same_cat_with_the_same_name_and_size_as_the_live_portrait()
    {
        await using var context = ComponentTestContext.Create();
        var live = context.Render<CatPortrait>(p => p.Add(c => c.Genome, RedTabbyShortHair).Add(c => c.Name, "Tiger").Add(c => c.Size, 132)).Find("svg");
        var shared = context.Render<StaticCatPortrait>(p => p.Add(c => c.Genome, RedTabbyShortHair).Add(c => c.Name, "Tiger").Add(c => c.Size, 132)).Find("svg");

        foreach (var attribute in new[] { "aria-label", "width", "height", "data-coat", "data-pattern", "data-white", "data-eyes", "data-long-hair" })
            Assert.Equal(live.GetAttribute(attribute), shared.GetAttribute(attribute));
        Assert.StartsWith("Tiger: ", shared.GetAttribute("aria-label"));
        Assert.Equal(live.QuerySelector(".head")!.GetAttribute("fill"), shared.QuerySelector(".head")!.GetAttribute("fill"));
        Assert.Equal(live.QuerySelectorAll("*").Length, shared.QuerySelectorAll("*").Length);
    }

    [Fact]
    public async Task Different_cats_get_different_drawings_and_the_same_cat_the_same_one()
    {
        await using var context = ComponentTestContext.Create();
        string Markup(Core.Genetics.Genome genome) => context.Render<StaticCatPortrait>(p => p.Add(c => c.Genome, genome).Add(c => c.Size, 120)).Markup;

        Assert.NotEqual(Markup(BlackSolidShortHair), Markup(RedTabbyShortHair));
        Assert.Equal(Markup(RedTabbyShortHair), Markup(RedTabbyShortHair));
    }
}
