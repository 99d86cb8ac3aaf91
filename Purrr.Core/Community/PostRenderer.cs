using Ganss.Xss;
using Markdig;

namespace Purrr.Core.Community;

/// <summary>
/// Markdown → HTML → sanitiser: the one way a post or comment becomes HTML, used by the editor's preview and the
/// published page alike, so the preview is exactly what readers get. No script, style or event handler survives.
/// </summary>
public sealed class PostRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .DisableHtml() // raw HTML in Markdown is shown as text, never passed through
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for a Markdown text.</summary>
    public string ToHtml(string? markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        // Every link leaves with rel="nofollow ugc noopener".
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
                anchor.SetAttribute("rel", "nofollow ugc noopener");
        };
        return sanitizer;
    }
}
