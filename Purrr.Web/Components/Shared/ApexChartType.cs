namespace Purrr.Web.Components.Shared;

/// <summary>The kinds of chart <see cref="ApexChart"/> draws (ApexCharts' <c>chart.type</c>).</summary>
public enum ApexChartType { Line, Area, Bar }
