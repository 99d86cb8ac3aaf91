using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Purrr.Core.Search;

/// <summary>
/// Search result text as safe HTML: everything encoded, only the matched words wrapped in <c>&lt;mark&gt;</c>. The only
/// way to make one is <see cref="FromMarked"/>, so a page can emit <see cref="Html"/> as markup without emitting
/// anything a player wrote.
/// </summary>
public sealed partial class HighlightedText
{
    /// <summary>Private-use characters the database (FTS5 highlight/snippet) and <see cref="Mark"/> put around matches.</summary>
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    private HighlightedText(string html, string plain)
    {
        Html = html;
        Plain = plain;
    }

    public string Html { get; }

    /// <summary>The same text without highlighting (for titles and labels).</summary>
    public string Plain { get; }

    public static readonly HighlightedText Empty = new("", "");

    /// <summary>
    /// Text with matches between <see cref="Open"/> and <see cref="Close"/> as encoded HTML. Markers are balanced here
    /// (a stray one in a post's own text opens nothing that stays open).
    /// </summary>
    public static HighlightedText FromMarked(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
            return Empty;
        var html = new StringBuilder(marked.Length + 32);
        var plain = new StringBuilder(marked.Length);
        var open = false;
        var run = new StringBuilder();
        void Flush()
        {
            html.Append(WebUtility.HtmlEncode(run.ToString()));
            plain.Append(run);
            run.Clear();
        }
        foreach (var c in marked)
        {
            if (c == Open && !open)
            {
                Flush();
                html.Append("<mark>");
                open = true;
            }
            else if (c == Close && open)
            {
                Flush();
                html.Append("</mark>");
                open = false;
            }
            else if (c is not (Open or Close))
            {
                run.Append(c);
            }
        }
        Flush();
        if (open)
            html.Append("</mark>");
        return new HighlightedText(html.ToString(), plain.ToString());
    }

    /// <summary>Plain text with every occurrence of the words (case-insensitive) highlighted.</summary>
    public static HighlightedText Mark(string? text, IReadOnlyList<string> words) => FromMarked(MarkWords(text, words));

    /// <summary>
    /// About <paramref name="maxLength"/> characters of <paramref name="text"/> around the first matching word, with
    /// "…" where it was cut, and the words highlighted (the database-free twin of FTS5's snippet()).
    /// </summary>
    public static HighlightedText Snippet(string? text, IReadOnlyList<string> words, int maxLength = 200)
    {
        var plain = StripMarkdown(text ?? "");
        if (plain.Length > maxLength)
        {
            var first = words.Select(w => plain.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
            var start = Math.Clamp(first - maxLength / 4, 0, plain.Length - maxLength);
            if (start > 0 && plain.LastIndexOf(' ', start) is var space and >= 0 && start - space < 20)
                start = space + 1; // begin at a word
            plain = (start > 0 ? "…" : "") + plain.Substring(start, maxLength).TrimEnd() + (start + maxLength < plain.Length ? "…" : "");
        }
        return Mark(plain, words);
    }

    /// <summary>A Markdown body as readable plain text for snippets: links keep their text, markup characters go.</summary>
    public static string StripMarkdown(string markdown)
    {
        var text = MarkdownLink().Replace(markdown, "$1");
        text = MarkdownLinePrefix().Replace(text, "");
        text = MarkdownSymbols().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string MarkWords(string? text, IReadOnlyList<string> words)
    {
        var clean = (text ?? "").Replace(Open.ToString(), "").Replace(Close.ToString(), "");
        var patterns = words.Where(w => w.Length > 0).Select(Regex.Escape).ToList();
        if (patterns.Count == 0 || clean.Length == 0)
            return clean;
        var any = new Regex(string.Join("|", patterns.OrderByDescending(p => p.Length)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return any.Replace(clean, m => $"{Open}{m.Value}{Close}");
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    // Headings, quotes and list bullets at the start of a line; emphasis and code marks anywhere. "a > b" stays.
    [GeneratedRegex(@"^[ \t]*(?:#{1,6}|>+|[-*+](?=[ \t])|-{3,}$)[ \t]*", RegexOptions.Multiline)]
    private static partial Regex MarkdownLinePrefix();

    [GeneratedRegex(@"[*`~]+|\\(?=\S)")]
    private static partial Regex MarkdownSymbols();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
