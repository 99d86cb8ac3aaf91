using System.Text.Json;
using Bunit;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Admin;

public sealed class ApexChartTests
{
    private static readonly IReadOnlyList<string> Days = ["Mon", "Tue", "Wed"];

    private static BunitJSModuleInterop ChartModule(BunitContext ctx)
    {
        var module = ctx.JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        return module;
    }

    /// <summary>The options as the module receives them: JSON, as Blazor sends them.</summary>
    private static JsonElement OptionsOf(JSRuntimeInvocation render) =>
        JsonSerializer.SerializeToElement(render.Arguments[1], JsonSerializerOptions.Web);

    [Fact]
    public async Task The_series_categories_and_type_reach_the_chart_module()
    {
        await using var ctx = ComponentTestContext.Create();
        var module = ChartModule(ctx);

        ctx.Render<ApexChart>(p => p
            .Add(c => c.Title, "Registrations")
            .Add(c => c.Type, ApexChartType.Bar)
            .Add(c => c.Height, 320)
            .Add(c => c.Categories, Days)
            .Add(c => c.Series, [new ChartSeries("New players", [1, 0, 4]), new ChartSeries("Returning", [2, 3, 5])]));

        var options = OptionsOf(module.VerifyInvoke("render"));
        Assert.Equal("bar", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal(320, options.GetProperty("chart").GetProperty("height").GetInt32());
        Assert.Equal(Days, options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["New players", "Returning"], options.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([2.0, 3, 5], options.GetProperty("series")[1].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("light", options.GetProperty("theme").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task New_figures_update_the_chart_and_the_same_figures_do_not_redraw_it()
    {
        await using var ctx = ComponentTestContext.Create();
        var module = ChartModule(ctx);
        var chart = ctx.Render<ApexChart>(p => p
            .Add(c => c.Title, "Activity")
            .Add(c => c.Categories, Days)
            .Add(c => c.Series, [new ChartSeries("Posts", [1, 2, 3])]));

        chart.Render(p => p.Add(c => c.Series, [new ChartSeries("Posts", [1, 2, 3])]));
        chart.Render(p => p.Add(c => c.Series, [new ChartSeries("Posts", [1, 2, 9])]));

        var renders = module.Invocations["render"];
        Assert.Equal(2, renders.Count);
        Assert.Equal(9, OptionsOf(renders[^1]).GetProperty("series")[0].GetProperty("data")[2].GetDouble());
    }

    [Fact]
    public async Task Screen_readers_get_the_figures_as_a_table_and_the_chart_is_destroyed_with_the_component()
    {
        await using var ctx = ComponentTestContext.Create();
        var module = ChartModule(ctx);
        var chart = ctx.Render<ApexChart>(p => p
            .Add(c => c.Title, "Economy")
            .Add(c => c.Categories, Days)
            .Add(c => c.Series, [new ChartSeries("Coins created", [1500, 0, 20.5])]));

        Assert.Equal("Economy", chart.Find("table caption").TextContent);
        Assert.Equal(["Day", "Coins created"], chart.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["Mon1,500", "Tue0", "Wed20.5"], chart.FindAll("tbody tr").Select(tr => tr.TextContent.Replace(" ", "").Trim()));
        Assert.Equal("true", chart.Find(".purrr-chart-host").GetAttribute("aria-hidden"));

        await chart.Instance.DisposeAsync();

        module.VerifyInvoke("destroy");
    }

    [Fact]
    public async Task The_dark_theme_reaches_the_chart()
    {
        await using var ctx = ComponentTestContext.Create();
        var module = ChartModule(ctx);

        ctx.Render<ApexChart>(p => p
            .Add(c => c.Title, "Activity")
            .Add(c => c.Dark, true)
            .Add(c => c.Categories, Days)
            .Add(c => c.Series, [new ChartSeries("Posts", [1, 2, 3])]));

        Assert.Equal("dark", OptionsOf(module.VerifyInvoke("render")).GetProperty("theme").GetProperty("mode").GetString());
    }
}
