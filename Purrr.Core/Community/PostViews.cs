using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Community;

/// <summary>What a save, schedule or publish did: where the post lives now and what to tell the author.</summary>
public sealed record PostSaved(Guid Id, string Slug, PostStatus Status, string Message);

/// <summary>What the editor had, kept by autosave (on the server or in the browser) at <see cref="SavedAt"/>.</summary>
public sealed record SavedDraft(PostInput Content, DateTimeOffset SavedAt)
{
    /// <summary>Which of two kept drafts to offer: the newer one (either may be missing).</summary>
    public static SavedDraft? Newest(SavedDraft? a, SavedDraft? b) => a is null ? b : b is null ? a : b.SavedAt > a.SavedAt ? b : a;

    /// <summary>Whether restoring this would change nothing the editor already shows.</summary>
    public bool Matches(PostInput shown) =>
        Content.Title == shown.Title && Content.Body == shown.Body && Content.Excerpt == shown.Excerpt
        && Content.Tags.SequenceEqual(shown.Tags) && Content.CoverImageId == shown.CoverImageId;
}

/// <summary>A post as its author edits it.</summary>
public sealed record PostForEditing(Guid Id, string Slug, PostStatus Status, PostInput Content, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? ScheduledFor);

/// <summary>One line of "my posts".</summary>
public sealed record MyPost(Guid Id, string Slug, string Title, PostStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    DateTimeOffset? ScheduledFor, int ReadingMinutes, int Views, IReadOnlyList<string> Tags);

/// <summary>A player the @mention autocomplete offers.</summary>
public sealed record UserSuggestion(string UserName, string DisplayName);

/// <summary>One of the author's cats, as the cat-embed picker offers it (only public cats can be shown to readers).</summary>
public sealed record EmbeddableCat(CatId Id, string Name, Genome Genome, bool IsPublic);
