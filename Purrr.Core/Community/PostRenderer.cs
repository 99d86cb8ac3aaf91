using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using Ganss.Xss;
using Markdig;
using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>
/// Markdown → HTML → sanitiser: the one way a post or comment becomes HTML, used by the editor's preview and the
/// published page alike, so the preview is exactly what readers get. No script, style or event handler survives.
/// After sanitising, @mentions become links to profiles and #hashtags links to tag pages (never inside code or an
/// existing link), and a paragraph holding only a cat embed (<c>[[cat:id]]</c>) becomes a <see cref="CatEmbedSegment"/>,
/// which the page draws as a live cat card.
/// </summary>
public sealed partial class PostRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .DisableHtml() // raw HTML in Markdown is shown as text, never passed through
        .Build();

    private static readonly string[] UnlinkedAncestors = ["A", "CODE", "PRE"];

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for a Markdown text (cat embeds stay as their <c>[[cat:id]]</c> text).</summary>
    public string ToHtml(string? markdown) => Render(markdown).Html;

    /// <summary>The Markdown as readers see it: safe HTML in segments, and who and what it mentions.</summary>
    public RenderedPost Render(string? markdown)
    {
        using var document = sanitizer.SanitizeDom(Markdown.ToHtml(markdown ?? "", Pipeline));
        var body = document.Body!;
        var mentions = new List<string>();
        var hashtags = new List<string>();
        LinkMentionsAndHashtags(body, mentions, hashtags);

        var segments = new List<PostSegment>();
        var cats = new List<CatId>();
        var pending = new StringBuilder();
        var all = new StringBuilder();
        foreach (var node in body.ChildNodes)
        {
            var html = node.ToHtml(HtmlMarkupFormatter.Instance);
            all.Append(html);
            if (CatEmbedIn(node) is { } cat)
            {
                if (pending.Length > 0)
                    segments.Add(new HtmlSegment(pending.ToString()));
                pending.Clear();
                segments.Add(new CatEmbedSegment(cat));
                if (!cats.Contains(cat))
                    cats.Add(cat);
            }
            else
            {
                pending.Append(html);
            }
        }
        if (pending.Length > 0)
            segments.Add(new HtmlSegment(pending.ToString()));
        return new RenderedPost(all.ToString(), segments, mentions, hashtags, cats);
    }

    /// <summary>The text a cat embed is written as (what the editor's cat picker inserts).</summary>
    public static string CatEmbedText(CatId cat) => $"[[cat:{cat.Value}]]";

    private static CatId? CatEmbedIn(INode node) =>
        node is IElement { LocalName: "p", ChildNodes.Length: 1 } paragraph
        && paragraph.FirstChild is IText text
        && CatEmbed().Match(text.Data) is { Success: true } match
            ? new CatId(Guid.Parse(match.Groups[1].Value))
            : null;

    private static void LinkMentionsAndHashtags(IElement root, List<string> mentions, List<string> hashtags)
    {
        var texts = root.Descendants<IText>()
            .Where(t => !t.GetAncestors().OfType<IElement>().Any(a => UnlinkedAncestors.Contains(a.TagName)))
            .ToList();
        foreach (var text in texts)
        {
            var matches = MentionOrHashtag().Matches(text.Data);
            if (matches.Count == 0)
                continue;
            var document = text.Owner!;
            var parent = text.Parent!;
            var at = 0;
            foreach (Match match in matches)
            {
                if (match.Index > at)
                    parent.InsertBefore(document.CreateTextNode(text.Data[at..match.Index]), text);
                var link = document.CreateElement("a");
                if (match.Groups["user"].Success)
                {
                    var name = match.Groups["user"].Value;
                    link.SetAttribute("href", $"players/{name}");
                    link.SetAttribute("class", "mention");
                    if (!mentions.Contains(name, StringComparer.OrdinalIgnoreCase))
                        mentions.Add(name);
                }
                else
                {
                    var tag = match.Groups["tag"].Value.ToLowerInvariant();
                    link.SetAttribute("href", $"community/tags/{Uri.EscapeDataString(tag)}");
                    link.SetAttribute("class", "hashtag");
                    if (!hashtags.Contains(tag))
                        hashtags.Add(tag);
                }
                link.TextContent = match.Value;
                parent.InsertBefore(link, text);
                at = match.Index + match.Length;
            }
            if (at < text.Data.Length)
                parent.InsertBefore(document.CreateTextNode(text.Data[at..]), text);
            parent.RemoveChild(text);
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        // Every link the author wrote leaves with rel="nofollow ugc noopener".
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
                anchor.SetAttribute("rel", "nofollow ugc noopener");
        };
        return sanitizer;
    }

    // @name: a username (3–20 of [A-Za-z0-9_-]) not inside a word or an e-mail address.
    // #tag: letters, digits, "-" and "_", at least one letter, not inside a word, a URL or an entity.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_@./-])@(?<user>[A-Za-z0-9_-]{3,20})(?![A-Za-z0-9_-])|(?<![\p{L}\p{N}_&#/-])#(?<tag>(?=[\p{N}_-]*\p{L})[\p{L}\p{N}_-]{1,30})(?![\p{L}\p{N}_-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex MentionOrHashtag();

    [GeneratedRegex(@"^\s*\[\[cat:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CatEmbed();
}

/// <summary>
/// A rendered post: <see cref="Html"/> whole, or in <see cref="Segments"/> (HTML between cat embeds); the usernames it
/// mentions as written (first spelling, in order), its hashtags (lower-case) and the cats it embeds.
/// </summary>
public sealed record RenderedPost(string Html, IReadOnlyList<PostSegment> Segments, IReadOnlyList<string> Mentions,
    IReadOnlyList<string> Hashtags, IReadOnlyList<CatId> Cats);

/// <summary>A piece of a rendered post.</summary>
public abstract record PostSegment;

/// <summary>Sanitised HTML, safe to emit as markup.</summary>
public sealed record HtmlSegment(string Html) : PostSegment;

/// <summary>A cat drawn as a card where the author embedded it.</summary>
public sealed record CatEmbedSegment(CatId Cat) : PostSegment;
