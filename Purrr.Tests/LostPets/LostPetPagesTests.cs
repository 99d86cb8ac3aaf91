using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.LostPets;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.LostAndFound;

namespace Purrr.Tests.LostPets;

[Trait("Category", "Component")]
public sealed class LostPetPagesTests : ServiceTestBase
{
    private static readonly GeoPoint Paris = new(48.8530, 2.3499); // the map's default centre

    private async Task<(UserId Owner, Guid Pet)> ReportedAsync(LostPetService lostPets)
    {
        var owner = await NewPlayerAsync("owner");
        var id = (await lostPets.ReportAsync(owner, LostPetRulesTests.AReport(r => r with { Latitude = Paris.Latitude, Longitude = Paris.Longitude + 0.01 }))).Value.Id;
        return (owner, id);
    }

    [Fact]
    public async Task Visitors_find_pets_near_the_default_centre_with_distance_and_days_missing_but_no_contact()
    {
        await using var context = ComponentTestContext.Create(Database, clock: Clock);
        context.Render<MudPopoverProvider>();
        await ReportedAsync(context.Services.GetRequiredService<LostPetService>());

        var page = context.Render<LostAndFoundPage>();

        page.WaitForAssertion(() => Assert.Contains("1 lost pet within 10 km", page.Markup));
        var card = page.Find("ul.purrr-lost-results li").TextContent;
        Assert.Contains("Mochi", card);
        Assert.Contains("730 m away · missing 1 day", card);
        Assert.DoesNotContain("owner@example.com", page.Markup);
    }

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_for_the_contact_and_a_player_sees_it()
    {
        var lostPets = new LostPetService(Database.Factory, Clock, Bus);
        var (_, pet) = await ReportedAsync(lostPets);
        var neighbour = await NewPlayerAsync("neighbour");

        await using (var visitor = ComponentTestContext.Create(Database, clock: Clock))
        {
            var page = visitor.Render<LostPetPage>(p => p.Add(x => x.Id, pet));
            page.WaitForAssertion(() => Assert.Contains("to see the owner's contact", page.Markup));
            Assert.DoesNotContain("owner@example.com", page.Markup);
        }
        await using var signedIn = ComponentTestContext.Create(Database, (neighbour, "neighbour"), clock: Clock);
        signedIn.Render<MudPopoverProvider>();
        var seen = signedIn.Render<LostPetPage>(p => p.Add(x => x.Id, pet));
        seen.WaitForAssertion(() => Assert.Contains("owner@example.com", seen.Markup));
        Assert.Contains("Seen Mochi?", seen.Markup);
    }

    [Fact]
    public async Task The_owner_sees_a_new_sighting_appear_without_reloading()
    {
        await using var context = ComponentTestContext.Create(Database, clock: Clock);
        var lostPets = context.Services.GetRequiredService<LostPetService>();
        var (owner, pet) = await ReportedAsync(lostPets);
        var page = context.Render<LostPetPage>(p => p.Add(x => x.Id, pet));
        page.WaitForAssertion(() => Assert.Contains("Sightings (0)", page.Markup));

        await lostPets.AddSightingAsync(await NewPlayerAsync("helper"), pet,
            new SightingReport("By the bakery", Paris.Latitude, Paris.Longitude, TestClock.Noon, "Hiding", SightingConfidence.High));

        page.WaitForAssertion(() => Assert.Contains("Sightings (1)", page.Markup));
        Assert.Contains("By the bakery", page.Find("ol.timeline").TextContent);
    }

    [Fact]
    public async Task An_unknown_report_says_so()
    {
        await using var context = ComponentTestContext.Create(Database, clock: Clock);

        var page = context.Render<LostPetPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("Report not found", page.Find("h1").TextContent));
    }
}
