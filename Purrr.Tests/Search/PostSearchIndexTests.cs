using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Purrr.Core.Community;
using Purrr.Core.Search;
using Purrr.Data.Search;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Search;

/// <summary>The SQLite FTS5 index and its triggers: it holds exactly the visible posts, whatever happens to them.</summary>
[Trait("Category", "Integration")]
public sealed class PostSearchIndexTests : ServiceTestBase
{
    private async Task<List<Guid>> IndexedAsync()
    {
        await using var db = Database.NewContext();
        var indexed = await db.Database.SqlQueryRaw<string>("SELECT PostId AS Value FROM PostSearch").ToListAsync();
        var mapped = await db.Database.SqlQueryRaw<string>(
            "SELECT r.PostId AS Value FROM PostSearchRows r JOIN PostSearch s ON s.rowid = r.SearchRowId AND s.PostId = r.PostId").ToListAsync();
        Assert.Equal(indexed.Order(), mapped.Order()); // every indexed row is reachable from its post id, and only those
        return [.. indexed.Select(Guid.Parse).Order()];
    }

    [Fact]
    public async Task Publishing_removing_restoring_editing_and_deleting_keep_exactly_the_visible_posts_indexed()
    {
        var luna = await NewPlayerAsync("luna");
        var draft = await Database.AddPostAsync(luna, "Draft", "Words.", PostStatus.Draft);
        var shown = await Database.AddPostAsync(luna, "Shown", "Words.");
        Assert.Equal([shown.Id], await IndexedAsync());

        await using (var db = Database.NewContext())
        {
            (await db.Posts.FirstAsync(p => p.Id == draft.Id)).SetStatus(PostStatus.Published, TestClock.Noon);
            (await db.Posts.FirstAsync(p => p.Id == shown.Id)).SetStatus(PostStatus.Removed, TestClock.Noon);
            await db.SaveChangesAsync();
        }
        Assert.Equal([draft.Id], await IndexedAsync());

        await Database.EditPostAsync(draft.Id, "New words.");
        await Database.EditPostAsync(draft.Id, "Newer words.");
        Assert.Equal([draft.Id], await IndexedAsync());

        await using (var db = Database.NewContext())
        {
            (await db.Posts.FirstAsync(p => p.Id == shown.Id)).SetStatus(PostStatus.Published, TestClock.Noon);
            (await db.Posts.FirstAsync(p => p.Id == draft.Id)).SoftDelete(TestClock.Noon);
            await db.SaveChangesAsync();
        }
        Assert.Equal([shown.Id], await IndexedAsync());

        await using (var db = Database.NewContext())
        {
            await db.Posts.Where(p => p.Id == shown.Id).ExecuteDeleteAsync();
        }
        Assert.Empty(await IndexedAsync());
    }

    [Fact]
    public async Task Upgrading_a_database_indexes_only_the_posts_already_visible()
    {
        var luna = await NewPlayerAsync("luna"); // first: the current model's player may have columns the older schema lacks
        await using (var db = Database.NewContext())
            await db.GetService<IMigrator>().MigrateAsync("FeatureFlags"); // back to before the Search migration
        var shown = await Database.AddPostAsync(luna, "Shown", "Paws.");
        await Database.AddPostAsync(luna, "Removed", "Paws.", PostStatus.Removed);

        await using (var db = Database.NewContext())
            await db.Database.MigrateAsync();

        Assert.Equal([shown.Id], await IndexedAsync());
    }

    [Fact]
    public async Task A_word_in_very_many_posts_ranks_only_the_newest_of_them()
    {
        var luna = await NewPlayerAsync("luna");
        var oldest = await Database.AddPostAsync(luna, "Tabby tabby tabby", "The best tabby post.");
        for (var i = 0; i < 5; i++)
            await Database.AddPostAsync(luna, $"Newer {i}", "Mentions a tabby once.");
        var search = new SqlitePostSearch(Database.Contexts, rankedWindow: 5);

        var found = await search.SearchAsync(SearchTerms.Parse("tabby").Value, 0, 20);

        Assert.Equal(5, found.Count);
        Assert.DoesNotContain(oldest.Id, found.Select(h => h.Id));
        Assert.Equal(oldest.Id, (await new SqlitePostSearch(Database.Contexts).SearchAsync(SearchTerms.Parse("tabby").Value, 0, 20))[0].Id);
    }
}
