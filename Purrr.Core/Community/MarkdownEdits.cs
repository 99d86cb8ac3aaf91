using System.Text.RegularExpressions;

namespace Purrr.Core.Community;

/// <summary>What a toolbar button does to the text.</summary>
public enum MarkdownAction { Bold, Italic, Heading, List, Quote, Code, Link, Mention, Hashtag }

/// <summary>The text after an edit, and what is selected in it (start == end: just the cursor).</summary>
public sealed record TextEdit(string Text, int SelectionStart, int SelectionEnd);

/// <summary>
/// The editor's toolbar as plain functions over (text, selection start, selection end), so the browser only reads and
/// sets the selection and every insertion can be tested without one.
/// </summary>
public static partial class MarkdownEdits
{
    public static TextEdit Apply(MarkdownAction action, string? text, int start, int end)
    {
        var (value, from, to) = Clamp(text, start, end);
        return action switch
        {
            MarkdownAction.Bold => Wrap(value, from, to, "**", "**", "bold text"),
            MarkdownAction.Italic => Wrap(value, from, to, "_", "_", "italic text"),
            MarkdownAction.Heading => PrefixLines(value, from, to, "## ", "Heading"),
            MarkdownAction.List => PrefixLines(value, from, to, "- ", "List item"),
            MarkdownAction.Quote => PrefixLines(value, from, to, "> ", "Quote"),
            MarkdownAction.Code => value[from..to].Contains('\n')
                ? Block(value, from, to, "```\n" + value[from..to].Trim('\n') + "\n```", selectFrom: 4, selectLength: value[from..to].Trim('\n').Length)
                : Wrap(value, from, to, "`", "`", "code"),
            MarkdownAction.Link => Link(value, from, to),
            MarkdownAction.Mention => Insert(value, from, to, SpaceBefore(value, from) + "@"),
            MarkdownAction.Hashtag => Insert(value, from, to, SpaceBefore(value, from) + "#"),
            _ => new TextEdit(value, from, to),
        };
    }

    /// <summary>Puts <paramref name="snippet"/> in place of the selection and the cursor after it.</summary>
    public static TextEdit Insert(string? text, int start, int end, string snippet)
    {
        var (value, from, to) = Clamp(text, start, end);
        var after = from + snippet.Length;
        return new TextEdit(value[..from] + snippet + value[to..], after, after);
    }

    /// <summary>Puts a block (an image, a cat embed) on lines of its own in place of the selection.</summary>
    public static TextEdit InsertBlock(string? text, int start, int end, string block)
    {
        var (value, from, to) = Clamp(text, start, end);
        return Block(value, from, to, block, selectFrom: block.Length, selectLength: 0);
    }

    /// <summary>
    /// The @name being typed just before <paramref name="cursor"/> (without the "@"), and where its "@" is; null when
    /// the cursor is not at the end of a mention.
    /// </summary>
    public static (int At, string Prefix)? MentionAt(string? text, int cursor)
    {
        var value = text ?? "";
        cursor = Math.Clamp(cursor, 0, value.Length);
        var match = MentionBeforeCursor().Match(value[..cursor]);
        return match.Success ? (match.Groups["at"].Index, match.Groups["name"].Value) : null;
    }

    /// <summary>Replaces the @name being typed with the chosen username and a space; the cursor goes after them.</summary>
    public static TextEdit CompleteMention(string? text, int cursor, string userName)
    {
        var value = text ?? "";
        return MentionAt(value, cursor) is { } mention
            ? Insert(value, mention.At, Math.Clamp(cursor, 0, value.Length), $"@{userName} ")
            : Insert(value, cursor, cursor, $"@{userName} ");
    }

    /// <summary>
    /// Where the cursor is after the text changed from <paramref name="before"/> to <paramref name="after"/> by typing or
    /// pasting: the end of the changed part. Lets the editor follow the cursor without asking the browser on each key.
    /// </summary>
    public static int CursorAfterChange(string? before, string? after)
    {
        var (old, now) = (before ?? "", after ?? "");
        var prefix = 0;
        var shortest = Math.Min(old.Length, now.Length);
        while (prefix < shortest && old[prefix] == now[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < shortest - prefix && old[old.Length - 1 - suffix] == now[now.Length - 1 - suffix])
            suffix++;
        return now.Length - suffix;
    }

    private static (string Text, int From, int To) Clamp(string? text, int start, int end)
    {
        var value = text ?? "";
        var from = Math.Clamp(Math.Min(start, end), 0, value.Length);
        var to = Math.Clamp(Math.Max(start, end), 0, value.Length);
        return (value, from, to);
    }

    private static string SpaceBefore(string text, int at) => at > 0 && !char.IsWhiteSpace(text[at - 1]) ? " " : "";

    // Around the selection, or around a placeholder that is left selected so typing replaces it.
    private static TextEdit Wrap(string text, int from, int to, string open, string close, string placeholder)
    {
        var inner = from == to ? placeholder : text[from..to];
        var result = text[..from] + open + inner + close + text[to..];
        return new TextEdit(result, from + open.Length, from + open.Length + inner.Length);
    }

    // Every line the selection touches gets the prefix (a heading, list item or quote).
    private static TextEdit PrefixLines(string text, int from, int to, string prefix, string placeholder)
    {
        var lineStart = from == 0 ? 0 : text.LastIndexOf('\n', from - 1) + 1;
        var lineEnd = text.IndexOf('\n', to > from && text[to - 1] == '\n' ? to - 1 : to);
        if (lineEnd < 0)
            lineEnd = text.Length;
        var lines = text[lineStart..lineEnd];
        if (lines.Trim().Length == 0)
        {
            var line = prefix + placeholder;
            return new TextEdit(text[..lineStart] + line + text[lineEnd..], lineStart + prefix.Length, lineStart + line.Length);
        }
        var prefixed = string.Join('\n', lines.Split('\n').Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? l : prefix + l));
        return new TextEdit(text[..lineStart] + prefixed + text[lineEnd..], lineStart, lineStart + prefixed.Length);
    }

    private static TextEdit Link(string text, int from, int to)
    {
        var label = from == to ? "link text" : text[from..to];
        const string url = "https://";
        var link = $"[{label}]({url})";
        var urlAt = from + label.Length + 3;
        return new TextEdit(text[..from] + link + text[to..], urlAt, urlAt + url.Length);
    }

    // A block sits after a blank line and before one, however the text around it ends.
    private static TextEdit Block(string text, int from, int to, string block, int selectFrom, int selectLength)
    {
        var before = text[..from];
        var after = text[to..];
        var lead = before.Length == 0 ? "" : before.EndsWith("\n\n", StringComparison.Ordinal) ? "" : before.EndsWith('\n') ? "\n" : "\n\n";
        var trail = after.StartsWith("\n\n", StringComparison.Ordinal) ? "" : after.StartsWith('\n') ? "\n" : "\n\n";
        var at = before.Length + lead.Length;
        return new TextEdit(before + lead + block + trail + after, at + selectFrom, at + selectFrom + selectLength);
    }

    [GeneratedRegex(@"(?:^|[^\p{L}\p{N}_@./-])(?<at>@)(?<name>[A-Za-z0-9_-]{0,20})$", RegexOptions.CultureInvariant)]
    private static partial Regex MentionBeforeCursor();
}
