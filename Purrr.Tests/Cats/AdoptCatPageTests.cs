using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.Cats;

[Trait("Category", "Component")]
public sealed class AdoptCatPageTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Adopting_without_a_name_or_breed_shows_both_messages_by_their_fields_stores_nothing_and_a_fixed_field_clears()
    {
        var luna = await database.AddPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(database, (luna, "luna"));
        context.Render<MudPopoverProvider>();
        var page = context.Render<AdoptCatPage>();

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Adopt").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Give your cat a name.", page.Markup);
            Assert.Contains("Choose a breed from the list.", page.Markup);
        });
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Cats.CountAsync());

        // Typing a name clears its message at once; the breed's stays until a breed is chosen.
        page.Find("input").Input("Mochi");
        page.WaitForAssertion(() =>
        {
            Assert.DoesNotContain("Give your cat a name.", page.Markup);
            Assert.Contains("Choose a breed from the list.", page.Markup);
        });
    }
}
