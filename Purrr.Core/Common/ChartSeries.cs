namespace Purrr.Core.Common;

/// <summary>One named line or set of bars of a chart, one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>A chart's categories (the x axis) and series.</summary>
public sealed record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);
