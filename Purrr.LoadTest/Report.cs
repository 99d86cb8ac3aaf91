namespace Purrr.LoadTest;

public static class Report
{
    public static string Write(string results, string? bench, double? coldStartMs) => "";
}
