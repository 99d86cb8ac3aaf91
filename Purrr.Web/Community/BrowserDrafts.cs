using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;
using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Web.Community;

/// <summary>The editor's copy of a draft in this browser, kept beside the server's so a lost connection loses nothing.</summary>
public interface IBrowserDrafts
{
    Task<SavedDraft?> GetAsync(UserId author, Guid? post);

    Task SetAsync(UserId author, Guid? post, SavedDraft draft);

    Task DeleteAsync(UserId author, Guid? post);
}

/// <summary>
/// Drafts in <see cref="ProtectedLocalStorage"/>: encrypted with the app's Data Protection keys (persisted under the
/// data folder), keyed by player and post so two players sharing a browser never see each other's drafts. Only usable
/// over a live circuit (never while prerendering). A copy that can't be read any more (keys gone) counts as none.
/// </summary>
public sealed class ProtectedBrowserDrafts(ProtectedLocalStorage storage) : IBrowserDrafts
{
    public async Task<SavedDraft?> GetAsync(UserId author, Guid? post)
    {
        try
        {
            var stored = await storage.GetAsync<SavedDraft>(Key(author, post));
            return stored.Success ? stored.Value : null;
        }
        catch (CryptographicException)
        {
            await DeleteAsync(author, post);
            return null;
        }
    }

    public async Task SetAsync(UserId author, Guid? post, SavedDraft draft) => await storage.SetAsync(Key(author, post), draft);

    public async Task DeleteAsync(UserId author, Guid? post)
    {
        try
        {
            await storage.DeleteAsync(Key(author, post));
        }
        catch (JSDisconnectedException)
        {
            // the tab is gone; its copy is stale now and will be ignored (older than the saved post)
        }
    }

    private static string Key(UserId author, Guid? post) => $"purrr.draft.{author}.{post?.ToString() ?? "new"}";
}
