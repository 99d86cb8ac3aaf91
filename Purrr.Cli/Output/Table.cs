namespace Purrr.Cli.Output;

/// <summary>
/// Plain aligned columns: a header, then one line per row, two spaces apart. Numbers are right-aligned; the last column is
/// not padded, so lines carry no trailing spaces.
/// </summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public IReadOnlyList<string> Headers => headers;

    public int Count => rows.Count;

    public Table Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"A row of this table has {headers.Length} cells, not {cells.Length}.", nameof(cells));
        rows.Add([.. cells.Select(cell => cell ?? "")]);
        return this;
    }

    public void Write(TextWriter output, bool color = false)
    {
        var widths = headers.Select((header, column) => rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        var rightAligned = headers.Select((_, column) => rows.Count > 0 && rows.All(row => row[column].Length == 0 || IsNumber(row[column]))).ToArray();

        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, column) =>
            column == cells.Count - 1 && !rightAligned[column] ? cell : rightAligned[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column])));

        var header = Line(headers);
        output.WriteLine(CliConsole.Painted(header, CliConsole.Bold, color));
        foreach (var row in rows)
            output.WriteLine(Line(row));
    }

    /// <summary>"12", "-3.5", "1.2 km", "75 m", "+5": read as numbers for alignment.</summary>
    internal static bool IsNumber(string cell)
    {
        var number = cell.Split(' ')[0];
        return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
