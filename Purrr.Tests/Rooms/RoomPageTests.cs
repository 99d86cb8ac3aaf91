using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Rooms;

namespace Purrr.Tests.Rooms;

[Trait("Category", "Component")]
public sealed class RoomPageTests : ServiceTestBase
{
    private async Task<(BunitContext Context, RoomService Rooms, UserId Ana, CatId Tig, CatId Bean)> RoomWithTwoCatsAsync(bool signedIn = true)
    {
        var ana = await NewPlayerAsync("ana");
        var ben = await NewPlayerAsync("ben");
        var tig = ACat.Curious().Named("Tig").OwnedBy(ana).Build();
        var bean = ACat.Playful().Named("Bean").OwnedBy(ben).Build();
        await Database.AddCatsAsync(tig, bean);
        var context = ComponentTestContext.Create(Database, signedIn ? (ana, "ana") : null, clock: Clock);
        context.Render<MudPopoverProvider>();
        var rooms = context.Services.GetRequiredService<RoomService>();
        Assert.True((await rooms.JoinAsync(ben, "ben-tab", bean.Id, RoomType.Playground)).Succeeded);
        Assert.True((await rooms.ChatAsync(ben, new RoomKey(RoomType.Playground, 1), bean.Id, "Anyone want to play?")).Succeeded);
        return (context, rooms, ana, tig.Id, bean.Id);
    }

    [Fact]
    public async Task A_visitor_sees_the_cats_and_the_chat_history_but_no_message_box()
    {
        var (context, _, _, _, _) = await RoomWithTwoCatsAsync(signedIn: false);
        await using var _context = context;

        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));

        Assert.Equal(["Bean"], page.FindAll("g.cat").Select(c => c.GetAttribute("data-cat")));
        Assert.Contains("Anyone want to play?", page.Find("ol.messages").TextContent);
        Assert.Empty(page.FindAll("input"));
    }

    [Fact]
    public async Task A_player_brings_a_cat_in_and_sees_it_on_the_floor()
    {
        var (context, _, _, _, _) = await RoomWithTwoCatsAsync();
        await using var _context = context;
        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));

        page.FindAll("button").Single(b => b.TextContent.Contains("Bring Tig")).Click();

        page.WaitForAssertion(() => Assert.Equal(["Bean", "Tig"], page.FindAll("g.cat").Select(c => c.GetAttribute("data-cat"))));
        Assert.Contains("mine", page.FindAll("g.cat")[1].ClassList);
    }

    [Fact]
    public async Task An_activity_spends_energy_and_everyone_reads_what_happened()
    {
        var (context, rooms, ana, tig, _) = await RoomWithTwoCatsAsync();
        await using var _context = context;
        await rooms.JoinAsync(ana, ComponentTestContext.Circuit, tig, RoomType.Playground);
        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));
        Assert.Contains("Energy 100", page.Markup);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Train").Click();

        page.WaitForAssertion(() => Assert.Contains("Tig practised a trick.", page.Find("ul.happenings").TextContent));
        Assert.Contains("Energy 96", page.Markup);
    }

    [Fact]
    public async Task A_message_with_markup_is_refused_and_stays_in_the_box()
    {
        var (context, rooms, ana, tig, _) = await RoomWithTwoCatsAsync();
        await using var _context = context;
        await rooms.JoinAsync(ana, ComponentTestContext.Circuit, tig, RoomType.Playground);
        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));

        page.Find("form input").Input("<script>alert(1)</script>");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Messages are plain text", page.Markup));
        Assert.Equal("<script>alert(1)</script>", page.Find("form input").GetAttribute("value"));
        Assert.Single(page.FindAll("ol.messages li"));
    }

    [Fact]
    public async Task A_sent_message_appears_and_the_box_empties()
    {
        var (context, rooms, ana, tig, _) = await RoomWithTwoCatsAsync();
        await using var _context = context;
        await rooms.JoinAsync(ana, ComponentTestContext.Circuit, tig, RoomType.Playground);
        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));

        page.Find("form input").Input("Me! Me!");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Me! Me!", page.Find("ol.messages").TextContent));
        Assert.True(string.IsNullOrEmpty(page.Find("form input").GetAttribute("value")));
    }

    [Fact]
    public async Task Leaving_the_page_takes_the_cat_out_of_the_room()
    {
        var (context, rooms, ana, tig, _) = await RoomWithTwoCatsAsync();
        await using var _context = context;
        await rooms.JoinAsync(ana, ComponentTestContext.Circuit, tig, RoomType.Playground);
        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "playground-1"));

        await context.DisposeComponentsAsync();

        await WaitUntilAsync(() => rooms.Registry.RoomOf(tig) is null);
        Assert.Equal(1, rooms.Registry.MemberCount);
    }

    [Fact]
    public async Task An_unknown_room_address_says_so()
    {
        await using var context = ComponentTestContext.Create(Database);

        var page = context.Render<RoomPage>(p => p.Add(r => r.Address, "kitchen-3"));

        Assert.Contains("Room not found", page.Find("h1").TextContent);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
            await Task.Delay(20);
        Assert.True(condition());
    }
}
