using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Community;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Community;
using Purrr.Web.Components.Pages.Community;

namespace Purrr.Tests.Community;

/// <summary>The editor over a live (bUnit) circuit: toolbar, preview, autosave, restoring drafts, refusals.</summary>
[Trait("Category", "Component")]
public sealed partial class EditorComponentTests : ServiceTestBase, IDisposable
{
    private const string Module = "./Components/Pages/Community/PostEditor.razor.js";

    private readonly TempFolder dataFolder = new("purrr-editor-");
    private readonly MemoryBrowserDrafts browserDrafts = new();

    public void Dispose() => dataFolder.Dispose();

    private async Task<(BunitContext Context, UserId Luna)> EditorContextAsync()
    {
        var luna = await NewPlayerAsync("luna");
        var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: services =>
        {
            services.AddSingleton<IBrowserDrafts>(browserDrafts);
            services.AddScoped<OpenEditors>();
            services.AddSingleton(new PurrrStorage(dataFolder.Path));
            services.AddSingleton<IImageStore, SkiaImageStore>();
        });
        context.Render<MudPopoverProvider>();
        return (context, luna);
    }

    private static IRenderedComponent<PostEditor> RenderEditor(BunitContext context, UserId author) =>
        context.Render<PostEditor>(p => p.Add(e => e.Author, author));

    private static string BodyOf(IRenderedComponent<PostEditor> editor) => editor.Find("textarea#post-body").GetAttribute("value") ?? "";

    private static void Click(IRenderedComponent<PostEditor> editor, string label) => editor.Find($"button[aria-label='{label}']").Click();

    [Fact]
    public async Task Bold_wraps_the_selected_word_at_the_cursor_and_selects_it()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var module = context.JSInterop.SetupModule(Module);
        module.Setup<int[]>("selection", _ => true).SetResult([6, 11]);
        var editor = RenderEditor(context, luna);

        editor.Find("textarea#post-body").Input("Hello world, purr");
        Click(editor, "Bold");

        editor.WaitForAssertion(() => Assert.Equal("Hello **world**, purr", BodyOf(editor)));
        var select = module.VerifyInvoke("select");
        Assert.Equal([8, 13], select.Arguments.Skip(1).Cast<int>());
    }

    [Theory]
    [InlineData("Link", "Hi [link text](https://)")]
    [InlineData("Quote", "> Hi ")]
    [InlineData("Mention a player", "Hi @")]
    public async Task Toolbar_buttons_insert_markdown_at_the_cursor(string button, string expected)
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        context.JSInterop.SetupModule(Module).Setup<int[]>("selection", _ => true).SetResult([3, 3]);
        var editor = RenderEditor(context, luna);

        editor.Find("textarea#post-body").Input("Hi ");
        Click(editor, button);

        editor.WaitForAssertion(() => Assert.Equal(expected, BodyOf(editor)));
    }

    [Fact]
    public async Task The_preview_is_the_published_rendering_of_the_same_text()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var cat = ACat.Playful().Named("Mochi").OwnedBy(luna).Build();
        await Database.AddCatsAsync(cat);
        var text = $"## Snow day\n\n**Mochi** met @luna and #snow. [Shelter](https://example.com)\n\n{PostRenderer.CatEmbedText(cat.Id)}\n\n- one\n- two\n\n<script>x</script>";
        var editor = RenderEditor(context, luna);

        editor.Find("textarea#post-body").Input(text);
        var published = context.Render<PostContent>(p => p.Add(c => c.Markdown, text));

        editor.WaitForAssertion(() => Assert.Contains("Mochi", editor.Find(".preview .purrr-post-cat").TextContent));
        Assert.Equal(WithoutPortraitIds(published.Find(".purrr-post-content").OuterHtml), WithoutPortraitIds(editor.Find(".preview .purrr-post-content").OuterHtml));
        Assert.Contains("<strong>Mochi</strong>", published.Markup);
    }

    [Fact]
    public async Task Autosave_keeps_the_draft_on_the_server_and_in_the_browser_two_seconds_after_the_last_keystroke()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var editor = RenderEditor(context, luna);
        editor.WaitForAssertion(() => Assert.Equal("true", editor.Find("textarea#post-body").GetAttribute("data-ready")));

        editor.Find("textarea#post-body").Input("Half a thought");
        Clock.Advance(TimeSpan.FromSeconds(1));
        editor.Find("textarea#post-body").Input("Half a thought, finished");
        Clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Null(await Posts.DraftAsync(luna, null)); // 1.5 s after the last keystroke: not yet

        Clock.Advance(TimeSpan.FromSeconds(0.5));

        editor.WaitForAssertion(() => Assert.Contains("Draft kept at", editor.Find(".save-state").TextContent));
        Assert.Equal("Half a thought, finished", (await Posts.DraftAsync(luna, null))!.Content.Body);
        Assert.Equal("Half a thought, finished", (await browserDrafts.GetAsync(luna, null))!.Content.Body);
    }

    [Fact]
    public async Task After_a_reload_the_editor_offers_the_newest_draft_and_restores_it_exactly()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var typed = new PostInput("Snow day", "Line one\n\nLine *two* with @luna", "short", ["snow", "kittens"]);
        await Posts.AutosaveAsync(luna, null, typed);
        var editor = RenderEditor(context, luna);

        editor.WaitForAssertion(() => Assert.Contains("You have an unsaved draft", editor.Find("[role=alert]").TextContent));
        Assert.Contains("on the server", editor.Find("[role=alert]").TextContent);
        Assert.True(editor.Find("textarea#post-body").HasAttribute("readonly"), editor.Find("textarea#post-body").OuterHtml); // typing now would bury the draft on offer
        editor.FindAll("button").Single(b => b.TextContent.Contains("Restore draft")).Click();

        editor.WaitForAssertion(() => Assert.Equal(typed.Body, BodyOf(editor)));
        Assert.False(editor.Find("textarea#post-body").HasAttribute("readonly"));
        Assert.Equal("Snow day", editor.Find("input").GetAttribute("value"));
        Assert.Equal(["#snow", "#kittens"], editor.FindAll(".chips .mud-chip").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task A_copy_in_this_browser_newer_than_the_servers_is_the_one_offered()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        await Posts.AutosaveAsync(luna, null, new PostInput("Old", "older text", "", []));
        await browserDrafts.SetAsync(luna, null, new SavedDraft(new PostInput("New", "newer text typed before the connection dropped", "", []), Clock.GetUtcNow().AddSeconds(30)));
        var editor = RenderEditor(context, luna);

        editor.WaitForAssertion(() => Assert.Contains("in this browser", editor.Find("[role=alert]").TextContent));
        editor.FindAll("button").Single(b => b.TextContent.Contains("Restore draft")).Click();

        editor.WaitForAssertion(() => Assert.Equal("newer text typed before the connection dropped", BodyOf(editor)));
    }

    [Fact]
    public async Task Publishing_without_a_title_says_so_keeps_the_text_and_stores_nothing()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var editor = RenderEditor(context, luna);

        editor.Find("textarea#post-body").Input("A body without a title");
        editor.FindAll("button").Single(b => b.TextContent.Trim() == "Publish").Click();

        editor.WaitForAssertion(() => Assert.Contains("Give your post a title.", editor.Markup));
        Assert.Equal("A body without a title", BodyOf(editor));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Typing_an_at_sign_suggests_players_and_choosing_one_completes_the_mention()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        await Database.AddPlayerAsync("milo");
        await Database.AddPlayerAsync("mimi");
        var editor = RenderEditor(context, luna);

        editor.Find("textarea#post-body").Input("Thanks @mil");

        editor.WaitForAssertion(() => Assert.Equal(["@milo milo"], editor.FindAll("[role=option]").Select(o => o.TextContent.Trim())));
        editor.Find("[role=option]").Click();
        editor.WaitForAssertion(() => Assert.Equal("Thanks @milo ", BodyOf(editor)));
        Assert.Empty(editor.FindAll("[role=option]"));
    }

    [Fact]
    public async Task Enter_adds_tags_and_the_tag_box_closes_at_five()
    {
        var (context, luna) = await EditorContextAsync();
        await using var _ = context;
        var editor = RenderEditor(context, luna);

        foreach (var tag in new[] { " Snow ", "snow", "Kittens", "care", "night-watch", "tips" })
        {
            var box = editor.Find($"#{editor.FindAll("label").Single(l => l.TextContent == "Add a tag").GetAttribute("for")}");
            box.Input(tag);
            box.KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        }

        editor.WaitForAssertion(() => Assert.Equal(["#snow", "#kittens", "#care", "#night-watch", "#tips"], editor.FindAll(".chips .mud-chip").Select(c => c.TextContent.Trim())));
        Assert.Contains("That's 5 tags, the most a post can have.", editor.Markup);
    }

    private PostService Posts => new(Database.Factory, Clock, Random, Bus, new PostRenderer());

    // Each portrait numbers its clip paths so that several on a page don't clash.
    private static string WithoutPortraitIds(string html) => PortraitId().Replace(html, "cat#");

    [GeneratedRegex(@"cat\d+")]
    private static partial Regex PortraitId();

    /// <summary>This browser's protected storage, in memory.</summary>
    private sealed class MemoryBrowserDrafts : IBrowserDrafts
    {
        private readonly Dictionary<string, SavedDraft> drafts = [];

        public Task<SavedDraft?> GetAsync(UserId author, Guid? post) => Task.FromResult(drafts.GetValueOrDefault($"{author}/{post}"));

        public Task SetAsync(UserId author, Guid? post, SavedDraft draft)
        {
            drafts[$"{author}/{post}"] = draft;
            return Task.CompletedTask;
        }

        public Task DeleteAsync(UserId author, Guid? post)
        {
            drafts.Remove($"{author}/{post}");
            return Task.CompletedTask;
        }
    }
}
