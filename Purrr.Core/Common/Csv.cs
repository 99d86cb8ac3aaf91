namespace Purrr.Core.Common;

/// <summary>RFC 4180 rows that are also safe to open in a spreadsheet.</summary>
public static class Csv
{
    /// <summary>
    /// One line: cells with commas, quotes or line breaks are quoted, and a cell a spreadsheet would run as a formula
    /// (player text starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
    /// </summary>
    public static string Row(params IEnumerable<string?> cells) => string.Join(",", cells.Select(Cell));

    private static string Cell(string? text)
    {
        var cell = text ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
    }
}
