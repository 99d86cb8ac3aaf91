using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using Purrr.Core.Cats;
using Purrr.Core.Genetics;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.ThreeD;

/// <summary>The genome → appearance mapping the 3D model is built from, and the portrait drawing from the same one.</summary>
public sealed class AppearanceTests
{
    [Fact]
    public void A_solid_coat_colours_every_part_in_the_coat_colour_of_the_palette()
    {
        var red = Appearance.Of(AGenome("O/O D/D t/t s/s Cu/Cu L/L"));

        Assert.Equal("#E8893A", red.Fur);
        Assert.All(new[] { red.Body, red.Head, red.Paws, red.Tail, red.Ruff }, part => Assert.Equal(red.Fur, part));
        Assert.False(red.Stripes || red.Ticking || red.Bib || red.Cap);
    }

    [Fact]
    public void Coat_colour_and_dilution_change_the_fur()
    {
        var black = Appearance.Of(AGenome("B/B D/D t/t s/s Cu/Cu L/L"));
        var blue = Appearance.Of(AGenome("B/B d/d t/t s/s Cu/Cu L/L"));
        var red = Appearance.Of(AGenome("O/O D/D t/t s/s Cu/Cu L/L"));

        Assert.Equal(3, new[] { black.Fur, blue.Fur, red.Fur }.Distinct().Count());
    }

    [Fact]
    public void Tabby_and_ticked_patterns_are_flagged_in_the_stripe_colour()
    {
        var tabby = Appearance.Of(RedTabbyShortHair);
        var ticked = Appearance.Of(AGenome("O/O D/D Ta/Ta s/s Cu/Cu L/L"));

        Assert.True(tabby.Stripes);
        Assert.False(tabby.Ticking);
        Assert.True(ticked.Ticking);
        Assert.False(ticked.Stripes);
        Assert.NotEqual(tabby.Fur, tabby.Stripe);
    }

    [Fact]
    public void White_spotting_whitens_paws_then_the_chest_then_all_but_a_cap_and_the_tail()
    {
        var gloves = Appearance.Of(AGenome("B/B D/D t/t g/s Cu/Cu L/L"));
        var bicolour = Appearance.Of(AGenome("B/B D/D t/t S/s Cu/Cu L/L"));
        var van = Appearance.Of(AGenome("B/B D/D t/t S/S Cu/Cu L/L"));

        Assert.Equal((Appearance.White, gloves.Fur, false), (gloves.Paws, gloves.Body, gloves.Bib));
        Assert.Equal((Appearance.White, bicolour.Fur, true), (bicolour.Paws, bicolour.Body, bicolour.Bib));
        Assert.Equal((Appearance.White, Appearance.White, Appearance.White), (van.Paws, van.Body, van.Head));
        Assert.True(van.Cap);
        Assert.Equal(van.Fur, van.Tail);
    }

    [Fact]
    public void Long_hair_curls_and_odd_eyes_come_through()
    {
        var van = Appearance.Of(CreamVanLongHair);
        var odd = Appearance.Of(AGenome("B/B D/D t/t s/s Od/Od L/L"));
        var curly = Appearance.Of(AGenome("B/B D/D t/t s/s Cu/Cu R/L"));

        Assert.True(van.LongHair);
        Assert.Equal(Appearance.White, van.Ruff); // white spotting reaches the ruff
        Assert.NotEqual(odd.Eye, odd.OtherEye);
        Assert.True(curly.Curly);
        Assert.Equal(Phenotype.Of(CreamVanLongHair).Describe(), van.Description);
    }

    [Fact]
    public void The_browser_gets_colours_and_flags_in_camel_case_and_no_enum_numbers()
    {
        var json = JsonSerializer.SerializeToElement(Appearance.Of(CreamVanLongHair), JsonSerializerOptions.Web);

        Assert.Equal(Appearance.White, json.GetProperty("body").GetString());
        Assert.True(json.GetProperty("cap").GetBoolean());
        Assert.True(json.GetProperty("longHair").GetBoolean());
        Assert.False(json.TryGetProperty("phenotype", out _));
    }

    public static TheoryData<string> Coats =>
    [
        "B/B D/D t/t s/s Cu/Cu L/L", "O/O D/D T/T s/s Cu/Cu L/L", "B/B D/D t/t S/s Od/Od L/L", "O/b d/d T/t S/S Bl/Bl l/l",
        "B/B D/D t/t g/s Cu/Cu L/L", "b/b d/d Ta/Ta s/s Gr/Gr l/l",
    ];

    /// <summary>The portrait paints every part from the same appearance the 3D model gets: the two cannot disagree.</summary>
    [Theory]
    [MemberData(nameof(Coats))]
    public async Task The_portrait_paints_each_part_in_the_colour_the_3D_model_gets(string code)
    {
        var genome = AGenome(code);
        var look = Appearance.Of(genome);
        await using var context = ComponentTestContext.Create();
        var svg = context.Render<CatPortrait>(p => p.Add(c => c.Genome, genome)).Find("svg");

        static string Fill(IElement element) => element.GetAttribute("fill") ?? element.GetAttribute("stroke")!;
        Assert.Equal(look.Body, Fill(svg.QuerySelector(".body")!));
        Assert.Equal(look.Head, Fill(svg.QuerySelector(".head")!));
        Assert.Equal([look.Paws, look.Paws], svg.QuerySelectorAll("ellipse[cy='188']").Select(Fill));
        Assert.Equal([look.Eye, look.OtherEye], svg.QuerySelectorAll(".eye").Select(Fill));
        Assert.Equal(look.Nose, Fill(svg.QuerySelector(".nose")!));
        Assert.Equal(look.Tail, svg.QuerySelector("path.fur")!.GetAttribute("stroke"));
        Assert.Equal(look.Stripes, svg.QuerySelectorAll(".stripes").Length > 0);
        Assert.Equal(look.Ticking, svg.QuerySelectorAll(".ticking").Length > 0);
        Assert.Equal(look.Cap, svg.QuerySelectorAll(".cap").Length > 0);
        if (look.LongHair)
            Assert.Equal(look.Ruff, svg.QuerySelector(".ruff")!.GetAttribute("fill"));
    }
}
