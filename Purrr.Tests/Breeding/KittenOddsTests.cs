using System.Globalization;
using Bunit;
using Purrr.Core.Genetics;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Breeding;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.Breeding;

[Trait("Category", "Component")]
public class KittenOddsTests
{
    [Fact]
    public async Task The_preview_lists_every_kitten_look_with_chances_that_sum_to_100_percent()
    {
        var odds = Punnett.Odds(AGenome("B/b D/d T/t S/s Cu/Bl L/l"), AGenome("O/b d/d t/t S/s Gr/Bl l/l"));
        await using var context = ComponentTestContext.Create();

        var list = context.Render<KittenOdds>(p => p.Add(k => k.Odds, odds));

        var rows = list.FindAll(".purrr-odds li");
        Assert.Equal(odds.Count, rows.Count);
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector("svg.cat-portrait")));
        var total = rows.Sum(r => double.Parse(r.QuerySelector(".purrr-odds-chance")!.TextContent.TrimEnd('%'), CultureInfo.InvariantCulture));
        Assert.Equal(100, total, 0.5); // each shown to 0.1% (0.01% when below 1%)
        Assert.Equal(odds[0].Phenotype.Describe(), rows[0].QuerySelector(".purrr-odds-look")!.TextContent);
    }
}
