using AngleSharp.Dom;
using Bunit;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.Cats;

[Trait("Category", "Component")]
public class CatPortraitTests
{
    private static async Task<IElement> RenderAsync(Core.Genetics.Genome genome, string? name = null)
    {
        await using var context = ComponentTestContext.Create();
        return context.Render<CatPortrait>(p => p.Add(c => c.Genome, genome).Add(c => c.Name, name)).Find("svg");
    }

    private static string HeadFill(IElement svg) => svg.QuerySelectorAll(".head").Single().GetAttribute("fill")!;

    private static string BodyFill(IElement svg) => svg.QuerySelectorAll(".body").Single().GetAttribute("fill")!;

    [Fact]
    public async Task Different_coat_colours_are_drawn_in_different_fills()
    {
        var black = await RenderAsync(BlackSolidShortHair);
        var red = await RenderAsync(RedTabbyShortHair);

        Assert.NotEqual(HeadFill(black), HeadFill(red));
        Assert.NotEqual(BodyFill(black), BodyFill(red));
    }

    [Fact]
    public async Task Dilution_changes_the_fill()
    {
        var black = await RenderAsync(AGenome("B/B D/D t/t s/s Cu/Cu L/L"));
        var blue = await RenderAsync(AGenome("B/B d/d t/t s/s Cu/Cu L/L"));
        Assert.NotEqual(HeadFill(black), HeadFill(blue));
    }

    [Fact]
    public async Task Tabbies_have_stripes_and_solids_do_not()
    {
        Assert.NotEmpty((await RenderAsync(RedTabbyShortHair)).QuerySelectorAll(".stripes"));
        Assert.Empty((await RenderAsync(BlackSolidShortHair)).QuerySelectorAll(".stripes"));
    }

    [Fact]
    public async Task White_spotting_shows_as_a_white_chest_or_a_white_van_body()
    {
        var none = await RenderAsync(AGenome("B/B D/D t/t s/s Cu/Cu L/L"));
        var bicolour = await RenderAsync(AGenome("B/B D/D t/t S/s Cu/Cu L/L"));
        var van = await RenderAsync(AGenome("B/B D/D t/t S/S Cu/Cu L/L"));

        Assert.Empty(none.QuerySelectorAll(".white"));
        Assert.NotEmpty(bicolour.QuerySelectorAll(".white")); // white bib and blaze
        Assert.Equal(BodyFill(none), BodyFill(bicolour)); // on a coat-coloured body
        Assert.NotEqual(BodyFill(none), BodyFill(van)); // a van's body is white
        Assert.NotEmpty(van.QuerySelectorAll(".cap")); // coloured cap on a white head
    }

    [Fact]
    public async Task Eye_colour_and_long_hair_are_drawn()
    {
        var copperShort = await RenderAsync(AGenome("B/B D/D t/t s/s Cu/Cu L/L"));
        var blueLong = await RenderAsync(AGenome("B/B D/D t/t s/s Bl/Bl l/l"));

        Assert.NotEqual(copperShort.QuerySelector(".eye")!.GetAttribute("fill"), blueLong.QuerySelector(".eye")!.GetAttribute("fill"));
        Assert.Empty(copperShort.QuerySelectorAll(".ruff"));
        Assert.NotEmpty(blueLong.QuerySelectorAll(".ruff"));
    }

    [Fact]
    public async Task Rare_traits_are_drawn()
    {
        var plain = await RenderAsync(AGenome("B/B D/D t/t s/s Cu/Cu L/L"));
        var oddEyedTicked = await RenderAsync(AGenome("B/B D/D Ta/t s/s Od/Bl L/L"));
        var silver = await RenderAsync(AGenome("B/B I/D t/t s/s Cu/Cu L/L"));

        Assert.NotEmpty(oddEyedTicked.QuerySelectorAll(".ticking"));
        var eyes = oddEyedTicked.QuerySelectorAll(".eye").Select(e => e.GetAttribute("fill")).ToList();
        Assert.NotEqual(eyes[0], eyes[1]); // one blue, one copper
        Assert.NotEqual(HeadFill(plain), HeadFill(silver));
    }

    [Fact]
    public async Task The_portrait_describes_the_cat_for_screen_readers()
    {
        var svg = await RenderAsync(CreamVanLongHair, "Kumo");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Kumo: long-haired cream and white van tabby with blue eyes", svg.GetAttribute("aria-label"));
    }
}
