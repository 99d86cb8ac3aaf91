using System.Text.Encodings.Web;
using System.Text.Json;

namespace Purrr.Cli.Output;

/// <summary>
/// Where a command writes: results to standard output (a table, or JSON for scripts), problems to standard error.
/// Colour only when asked for (a terminal without NO_COLOR), so piped output stays plain text.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool color)
{
    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>A heading line: bold on a terminal.</summary>
    public void Heading(string text) => output.WriteLine(Paint(text, Bold));

    public void Success(string text) => output.WriteLine(Paint(text, Green));

    public void Table(Table table) => table.Write(output, color);

    /// <summary>Label/value lines with the values aligned.</summary>
    public void Fields(params IEnumerable<(string Label, string? Value)> fields)
    {
        var shown = fields.Where(f => f.Value is not null).ToList();
        var width = shown.Count == 0 ? 0 : shown.Max(f => f.Label.Length);
        foreach (var (label, value) in shown)
            output.WriteLine($"{Paint(label.PadRight(width), Dim)}  {value}");
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The API's data as indented JSON, names and values exactly as the API sent them.</summary>
    public void Json(JsonElement data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
            data.WriteTo(writer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>An error for a person: the title, what to do about it, and every other problem the server listed.</summary>
    public void Fail(string title, string? detail = null, IEnumerable<string>? more = null)
    {
        error.WriteLine(Paint($"Error: {title}", Red));
        if (!string.IsNullOrWhiteSpace(detail))
            error.WriteLine(detail);
        foreach (var problem in more ?? [])
            if (problem != title)
                error.WriteLine($"  - {problem}");
    }

    public void Fail(ApiException failure) => Fail(failure.Title, failure.Detail, failure.Errors);

    /// <summary>A usage problem: what was wrong, and where to read how the command is used.</summary>
    public void Usage(IEnumerable<string> problems, string helpHint)
    {
        foreach (var problem in problems)
            error.WriteLine(Paint(problem, Red));
        error.WriteLine(helpHint);
    }

    internal const string Bold = "\u001b[1m", Dim = "\u001b[2m", Green = "\u001b[32m", Red = "\u001b[31m", Reset = "\u001b[0m";

    private string Paint(string text, string style) => Painted(text, style, color);

    /// <summary>The text in an ANSI style when <paramref name="color"/> is on, as is otherwise.</summary>
    internal static string Painted(string text, string style, bool color) => color ? style + text + Reset : text;
}
