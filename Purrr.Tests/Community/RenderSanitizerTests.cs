using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Purrr.Core.Community;

namespace Purrr.Tests.Community;

/// <summary>Whatever an author types, readers get no script, style, event handler or dangerous URL.</summary>
public class RenderSanitizerTests
{
    private static readonly PostRenderer Renderer = new();

    private static readonly string[] ForbiddenElements =
        ["script", "style", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "form", "button", "textarea",
         "select", "link", "meta", "base", "template", "noscript"];

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "srcset", "cite"];

    public static TheoryData<string> Payloads => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"20\">x</text></a></svg>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](<java script:alert(1)>)",
        "[click](javascript://%0aalert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "![x\" onerror=\"alert(1)](https://example.com/a.png)",
        "[a](https://example.com \"t\\\" onmouseover=\\\"alert(1)\")",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"https://example.com\" onclick=\"alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</script>",
        "**<img src=x onerror=alert(1)>**",
        "[<img src=x onerror=alert(1)>](https://example.com)",
        "> <script>alert(1)</script>\n> - [x](javascript:alert(1))",
        "```html\n<script>alert(1)</script>\n```",
        "`<script>alert(1)</script>`",
        "[x](https://example.com)<!-- --><script>alert(1)</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<https://example.com/\" onmouseover=\"alert(1)>",
        "<javascript:alert(1)>",
        "www.example.com/<script>alert(1)</script>",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
        "- [ ] <input type=checkbox onclick=alert(1)>",
        "@<script>alert(1)</script> #<img src=x onerror=alert(1)>",
        "[[cat:<script>alert(1)</script>]]",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void No_script_style_handler_or_dangerous_url_survives(string markdown)
    {
        var html = Renderer.ToHtml(markdown);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.Descendants<IElement>().ToList();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(elements, e => ForbiddenElements.Contains(e.LocalName));
        // The only input is a task list's checkbox, and readers can't tick it.
        Assert.All(elements.Where(e => e.LocalName == "input"), input =>
        {
            Assert.Equal("checkbox", input.GetAttribute("type"));
            Assert.True(input.HasAttribute("disabled"));
        });
        foreach (var element in elements)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Name is "style" or "srcdoc");
            foreach (var attribute in element.Attributes.Where(a => UrlAttributes.Contains(a.Name)))
                Assert.True(IsSafeUrl(attribute.Value), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> from {markdown}");
        }
    }

    [Fact]
    public void There_are_at_least_thirty_payloads() => Assert.True(Payloads.Count >= 30);

    [Fact]
    public void Links_the_author_writes_get_nofollow_ugc_noopener()
    {
        var html = Renderer.ToHtml("See [the shelter](https://example.com/shelter) or https://example.org.");
        var anchors = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");

        Assert.Equal(2, anchors.Length);
        Assert.All(anchors, a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
        Assert.Equal("https://example.com/shelter", anchors[0].GetAttribute("href"));
    }

    [Fact]
    public void Uploaded_images_and_mail_links_survive()
    {
        var html = Renderer.ToHtml("![Mochi asleep](/images/0197a3b2-0000-7000-8000-000000000001) [write](mailto:hello@example.com)");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal("/images/0197a3b2-0000-7000-8000-000000000001", document.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Mochi asleep", document.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("mailto:hello@example.com", document.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = Renderer.ToHtml("<b>not bold</b>");

        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", html);
    }

    private static bool IsSafeUrl(string value)
    {
        var url = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        var colon = url.IndexOf(':');
        var slash = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
            return true; // relative
        return url.StartsWith("http:", StringComparison.Ordinal) || url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal);
    }
}
