using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Web.Community;
using Purrr.Web.Components.Shared;

namespace Purrr.Web.Components.Pages.Community;

public sealed partial class PostEditor
{
    /// <summary>Autosave runs this long after the last change (spec §8).</summary>
    public static readonly TimeSpan AutosaveDelay = TimeSpan.FromSeconds(2);

    private const string AcceptedImages = BrowserImages.Accepted;

    [Inject] private PostService Posts { get; set; } = null!;
    [Inject] private ImageService Images { get; set; } = null!;
    [Inject] private IBrowserDrafts BrowserDrafts { get; set; } = null!;
    [Inject] private OpenEditors OpenEditors { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private ILogger<PostEditor> Logger { get; set; } = null!;

    /// <summary>Who is writing.</summary>
    [Parameter, EditorRequired]
    public UserId Author { get; set; }

    /// <summary>The post being edited; null for a new one.</summary>
    [Parameter]
    public PostForEditing? Existing { get; set; }

    /// <summary>The player's time zone (MainLayout cascades it), for scheduling.</summary>
    [CascadingParameter]
    public TimeZoneInfo? Zone { get; set; }

    private string title = "";
    private string body = "";
    private string bodyBefore = ""; // the body before the last keystroke, to follow the cursor
    private string excerpt = "";
    private List<string> tags = [];
    private string? tagText;
    private Guid? coverImageId;

    private ElementReference textarea;
    private IJSObjectReference? module;
    private IJSObjectReference? listener;
    private DotNetObjectReference<PostEditor>? self;
    private IDisposable? connectionWatch;
    private ITimer? autosaveTimer;

    /// <summary>Set once the editor is wired up over the live circuit (autosave, draft check): tests wait for it.</summary>
    private bool ready;
    private (int Start, int End)? pendingSelection;

    private IReadOnlyList<EmbeddableCat> cats = [];
    private IReadOnlyList<Problem> problems = [];
    private SavedDraft? offer;
    private string offerSource = "";
    private bool changedSinceSave;
    private int changeCount;
    private bool saving;
    private bool busy;
    private bool uploading;
    private bool scheduling;
    private string? scheduleText;
    private string saveState = "";
    private bool disposed;

    private IReadOnlyList<UserSuggestion> suggestions = [];
    private int highlighted;
    private int cursor;
    private int suggestionRequest;

    // Where the post stands now (a draft saved here stays on this page).
    private Guid? postId;
    private string? slug;
    private PostStatus? status;

    private Guid? PostId => postId;

    private bool IsOut => status is PostStatus.Published or PostStatus.Held;

    private bool CanSaveDraft => !IsOut;

    private string ZoneName => (Zone ?? TimeZoneInfo.Utc).Id;

    private IReadOnlyList<Problem> GeneralProblems => [.. problems.Where(p => p.Field is null or "limit" || !ShownFields.Contains(p.Field))];

    private static readonly string[] ShownFields = ["title", "excerpt", "tags", "body", "cover", "schedule"];

    private string? ProblemOf(string field) => problems.FirstOrDefault(p => p.Field == field)?.Message;

    private PostInput Current() => new(title, body, excerpt, [.. tags], coverImageId);

    protected override void OnInitialized()
    {
        if (Existing is { } post)
        {
            Show(post.Content);
            (postId, slug, status) = (post.Id, post.Slug, post.Status);
        }
        if (Existing?.ScheduledFor is { } at)
            scheduleText = TimeZoneInfo.ConvertTime(at, Zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-ddTHH:mm");
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            self = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Community/PostEditor.razor.js");
            listener = await module.InvokeAsync<IJSObjectReference>("attach", textarea, self);
            connectionWatch = OpenEditors.OnConnectionDown(() => InvokeAsync(() => AutosaveAsync(browserToo: false)));
            autosaveTimer = Clock.CreateTimer(_ => InvokeAsync(() => AutosaveAsync(browserToo: true)), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            cats = await Posts.EmbeddableCatsAsync(Author);
            await LookForDraftAsync();
            ready = true;
            StateHasChanged();
            return;
        }
        if (pendingSelection is { } selection && module is not null)
        {
            pendingSelection = null;
            await module.InvokeVoidAsync("select", textarea, selection.Start, selection.End);
        }
    }

    // The newest draft kept on the server or in this browser, if it holds something the editor doesn't show.
    private async Task LookForDraftAsync()
    {
        var server = await Posts.DraftAsync(Author, PostId);
        SavedDraft? local = null;
        try
        {
            local = await BrowserDrafts.GetAsync(Author, PostId);
        }
        catch (Exception e) when (e is JSException or InvalidOperationException or System.Text.Json.JsonException)
        {
            Logger.LogInformation(e, "This browser's copy of a draft could not be read.");
        }
        var newest = SavedDraft.Newest(server, local);
        if (newest is null || newest.Matches(Current()) || (Existing is { } post && newest.SavedAt <= post.UpdatedAt))
            return;
        offer = newest;
        offerSource = ReferenceEquals(newest, server) ? "on the server" : "in this browser";
    }

    private async Task RestoreAsync()
    {
        if (offer is not { } draft)
            return;
        Show(draft.Content);
        offer = null;
        problems = [];
        saveState = "Draft restored.";
        await AutosaveAsync(browserToo: true); // both copies now hold what is on screen
    }

    private async Task DiscardOfferAsync()
    {
        offer = null;
        await Posts.DiscardDraftAsync(Author, PostId);
        await BrowserDrafts.DeleteAsync(Author, PostId);
        saveState = "Draft discarded.";
        if (changedSinceSave)
            ScheduleAutosave();
    }

    private void Show(PostInput content)
    {
        title = content.Title;
        body = bodyBefore = content.Body;
        excerpt = content.Excerpt;
        tags = [.. content.Tags];
        coverImageId = content.CoverImageId;
    }

    private void Changed()
    {
        changedSinceSave = true;
        changeCount++;
        ScheduleAutosave();
    }

    // While a draft is on offer nothing is autosaved: it would overwrite the very draft the author may want back.
    private void ScheduleAutosave()
    {
        if (offer is null)
            autosaveTimer?.Change(AutosaveDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Keeps what the editor holds on the server, then (over a live connection) in this browser.</summary>
    private async Task AutosaveAsync(bool browserToo)
    {
        if (!changedSinceSave || offer is not null || saving)
            return;
        saving = true;
        var content = Current();
        var version = changeCount;
        var keptAt = Clock.GetUtcNow();
        try
        {
            var saved = await Posts.AutosaveAsync(Author, PostId, content);
            if (saved.Succeeded)
            {
                keptAt = saved.Value;
                saveState = $"Draft kept at {TimeZoneInfo.ConvertTime(keptAt, Zone ?? TimeZoneInfo.Utc):HH:mm:ss}.";
            }
            else
            {
                saveState = saved.FirstMessage;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Autosaving a draft to the server failed.");
            saveState = "Couldn't reach the server; the draft is kept in this browser.";
        }
        try
        {
            if (browserToo && !disposed)
                await BrowserDrafts.SetAsync(Author, PostId, new SavedDraft(content, keptAt));
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            Logger.LogDebug(e, "Keeping a draft in the browser failed.");
        }
        finally
        {
            saving = false;
        }
        if (version == changeCount)
            changedSinceSave = false;
        else
            ScheduleAutosave(); // typed on while saving
        if (!disposed)
            StateHasChanged();
    }

    private void TitleChanged(string? value)
    {
        title = value ?? "";
        Changed();
    }

    private void ExcerptChanged(string? value)
    {
        excerpt = value ?? "";
        Changed();
    }

    private async Task BodyChangedAsync()
    {
        cursor = MarkdownEdits.CursorAfterChange(bodyBefore, body);
        bodyBefore = body;
        Changed();
        await SuggestMentionsAsync();
    }

    private async Task TagKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key is not ("Enter" or ","))
            return;
        var added = PostRules.AddTag(tags, tagText?.TrimEnd(','));
        if (added.Succeeded)
        {
            tags = [.. added.Value];
            tagText = "";
            problems = [.. problems.Where(p => p.Field != "tags")];
            Changed();
        }
        else
        {
            problems = [.. problems.Where(p => p.Field != "tags"), .. added.Problems];
        }
        await Task.CompletedTask;
    }

    /// <summary>The writing assistant's tags, added like typed ones (duplicates and any past the limit are left out).</summary>
    private void UseSuggestedTags(IReadOnlyList<string> suggested)
    {
        foreach (var tag in suggested)
        {
            if (PostRules.AddTag(tags, tag) is { Succeeded: true } added)
                tags = [.. added.Value];
        }
        problems = [.. problems.Where(p => p.Field != "tags")];
        Changed();
    }

        private void RemoveTag(string tag)
    {
        tags.Remove(tag);
        problems = [.. problems.Where(p => p.Field != "tags")];
        Changed();
    }

    private async Task<(int Start, int End)> SelectionAsync()
    {
        if (module is null)
            return (body.Length, body.Length);
        var selection = await module.InvokeAsync<int[]>("selection", textarea);
        return selection is [var start, var end] ? (start, end) : (body.Length, body.Length);
    }

    private async Task ApplyAsync(MarkdownAction action)
    {
        var (start, end) = await SelectionAsync();
        await SetBodyAsync(MarkdownEdits.Apply(action, body, start, end));
    }

    private async Task SetBodyAsync(TextEdit edit)
    {
        body = bodyBefore = edit.Text;
        cursor = edit.SelectionEnd;
        pendingSelection = (edit.SelectionStart, edit.SelectionEnd);
        Changed();
        await SuggestMentionsAsync();
    }

    /// <summary>Ctrl+B, Ctrl+I and Ctrl+K in the textarea.</summary>
    [JSInvokable]
    public Task Shortcut(string key) => InvokeAsync(async () =>
    {
        var action = key switch { "b" => MarkdownAction.Bold, "i" => MarkdownAction.Italic, "k" => MarkdownAction.Link, _ => (MarkdownAction?)null };
        if (action is { } chosen)
        {
            await ApplyAsync(chosen);
            StateHasChanged();
        }
    });

    /// <summary>Arrow keys, Enter, Tab and Escape while the mention list is open.</summary>
    [JSInvokable]
    public Task SuggestionKey(string key) => InvokeAsync(async () =>
    {
        if (suggestions.Count == 0)
            return;
        switch (key)
        {
            case "ArrowDown":
                highlighted = (highlighted + 1) % suggestions.Count;
                break;
            case "ArrowUp":
                highlighted = (highlighted + suggestions.Count - 1) % suggestions.Count;
                break;
            case "Enter" or "Tab":
                await ChooseSuggestionAsync(suggestions[Math.Clamp(highlighted, 0, suggestions.Count - 1)]);
                break;
            default:
                suggestions = [];
                break;
        }
        StateHasChanged();
    });

    private async Task SuggestMentionsAsync()
    {
        var request = ++suggestionRequest;
        if (MarkdownEdits.MentionAt(body, cursor) is not { Prefix.Length: > 0 } mention)
        {
            suggestions = [];
            return;
        }
        var found = await Posts.SuggestUsersAsync(mention.Prefix);
        if (request != suggestionRequest)
            return; // the author typed on; a newer lookup decides
        suggestions = found;
        highlighted = 0;
    }

    private async Task ChooseSuggestionAsync(UserSuggestion suggestion)
    {
        suggestions = [];
        await SetBodyAsync(MarkdownEdits.CompleteMention(body, cursor, suggestion.UserName));
        suggestions = [];
    }

    private async Task EmbedCatAsync(EmbeddableCat cat)
    {
        var (start, end) = await SelectionAsync();
        await SetBodyAsync(MarkdownEdits.InsertBlock(body, start, end, PostRenderer.CatEmbedText(cat.Id)));
    }

    private async Task UploadInlineImageAsync(InputFileChangeEventArgs e)
    {
        var (start, end) = await SelectionAsync();
        if (await UploadAsync(e.File, "body") is { } image)
        {
            var alt = AltTextOf(e.File.Name);
            await SetBodyAsync(MarkdownEdits.Insert(body, start, end, $"![{alt}](/images/{image.Id})"));
        }
    }

    private async Task UploadCoverAsync(InputFileChangeEventArgs e)
    {
        if (await UploadAsync(e.File, "cover") is { } image)
        {
            coverImageId = image.Id;
            Changed();
        }
    }

    private void RemoveCover()
    {
        coverImageId = null;
        Changed();
    }

    // Sizes are checked before anything is read: a 50 MB file is refused at once, not after uploading it.
    private async Task<StoredImage?> UploadAsync(IBrowserFile file, string field)
    {
        problems = [.. problems.Where(p => p.Field != field)];
        uploading = true;
        StateHasChanged();
        try
        {
            var uploaded = await BrowserImages.UploadAsync(Images, Author, file, Logger);
            if (uploaded.Succeeded)
                return uploaded.Value;
            problems = [.. problems, new Problem(uploaded.FirstMessage, field)];
            return null;
        }
        finally
        {
            uploading = false;
        }
    }

    private static string AltTextOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ');
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or '(' or ')' or '*' or '`'))]).Trim();
        return clean.Length == 0 ? "image" : clean.Length > 80 ? clean[..80] : clean;
    }

    private Task SaveDraftAsync() => SubmitAsync(() => Posts.SaveDraftAsync(Author, PostId, Current()));

    private Task PublishAsync() => SubmitAsync(() => Posts.PublishAsync(Author, PostId, Current()));

    private Task ScheduleAsync()
    {
        if (!DateTime.TryParse(scheduleText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            problems = [new Problem("Pick a date and time to publish at.", "schedule")];
            return Task.CompletedTask;
        }
        var zone = Zone ?? TimeZoneInfo.Utc;
        var at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local));
        return SubmitAsync(() => Posts.ScheduleAsync(Author, PostId, Current(), at));
    }

    private async Task SubmitAsync(Func<Task<Result<PostSaved>>> action)
    {
        busy = true;
        problems = [];
        try
        {
            var outcome = await action();
            if (!outcome.Succeeded)
            {
                problems = outcome.Problems;
                return;
            }
            // Saved: the autosaved copies are stale now (the server already dropped its own).
            autosaveTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            changedSinceSave = false;
            await BrowserDrafts.DeleteAsync(Author, PostId);
            if (PostId is null)
                await BrowserDrafts.DeleteAsync(Author, outcome.Value.Id);
            var saved = outcome.Value;
            Snackbar.Add(saved.Message, saved.Status == PostStatus.Held ? Severity.Info : Severity.Success);
            var stay = saved.Status == PostStatus.Draft && saved.Slug == slug;
            (postId, slug, status) = (saved.Id, saved.Slug, saved.Status);
            if (stay)
            {
                saveState = "Draft saved.";
                return;
            }
            Navigation.NavigateTo(saved.Status switch
            {
                PostStatus.Published => $"community/posts/{saved.Slug}",
                PostStatus.Draft => $"community/posts/{saved.Slug}/edit",
                PostStatus.Held => "community/mine?show=held",
                _ => "community/mine?show=scheduled",
            }, replace: saved.Status == PostStatus.Draft);
        }
        finally
        {
            busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        connectionWatch?.Dispose();
        autosaveTimer?.Dispose();
        // Leaving with unsaved changes (another page, a closed tab): keep them on the server.
        if (changedSinceSave && offer is null)
        {
            try
            {
                await Posts.AutosaveAsync(Author, PostId, Current());
            }
            catch (Exception e)
            {
                Logger.LogWarning(e, "Keeping a draft when the editor closed failed.");
            }
        }
        try
        {
            if (listener is not null)
                await listener.InvokeVoidAsync("dispose");
            if (module is not null)
                await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // the tab is gone, and its listeners with it
        }
        self?.Dispose();
    }
}
