using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Rooms;
using static Purrr.Tests.Infrastructure.Genomes;

namespace Purrr.Tests.ThreeD;

[Trait("Category", "Component")]
public sealed class RoomScene3DTests
{
    private static readonly RoomKey Party = new(RoomType.PartyRoom, 1);
    private static readonly UserId Ana = UserId.New();
    private static readonly CatId Tig = new(Guid.NewGuid()), Bean = new(Guid.NewGuid());

    private static RoomMemberView Member(CatId cat, string name, int x, int y) =>
        new(cat, name, name == "Tig" ? RedTabbyShortHair : BlackSolidShortHair, Ana, "Ana", "ana", x, y, false, 100);

    private readonly FakeTimeProvider clock = TestClock.AtNoon();

    private (BunitContext Context, BunitJSModuleInterop Scene) NewContext()
    {
        var context = ComponentTestContext.Create(clock: clock);
        var module = context.JSInterop.SetupModule(RoomScene3D.ModulePath);
        module.Setup<bool>("canDraw").SetResult(true);
        return (context, module.SetupModule(invocation => invocation.Identifier == "start"));
    }

    private static IRenderedComponent<RoomScene3D> Render(BunitContext context, IReadOnlyList<RoomMemberView> members, CatId? acting = null,
        Action<(int X, int Y)>? moved = null) =>
        context.Render<RoomScene3D>(p => p
            .Add(c => c.Room, Party)
            .Add(c => c.Members, members)
            .Add(c => c.Acting, acting)
            .Add(c => c.OnMove, EventCallback.Factory.Create<(int X, int Y)>(new object(), to => moved?.Invoke(to))));

    private static JsonElement Json(object? argument) => JsonSerializer.SerializeToElement(argument, JsonSerializerOptions.Web);

    private static List<JsonElement> Sent(BunitJSModuleInterop scene, string method) =>
        [.. scene.Invocations[method].SelectMany(call => Json(call.Arguments[0]).EnumerateArray())];

    [Fact]
    public async Task Every_member_is_added_with_its_looks_and_place_and_the_players_cat_marked()
    {
        var (context, scene) = NewContext();
        await using var _ = context;

        var room = Render(context, [Member(Tig, "Tig", 10, 20), Member(Bean, "Bean", 50, 30)], acting: Tig);

        room.WaitForAssertion(() => Assert.Equal(2, Sent(scene, "add").Count));
        var tig = Sent(scene, "add").Single(c => c.GetProperty("name").GetString() == "Tig");
        Assert.Equal((10, 20, true), (tig.GetProperty("x").GetInt32(), tig.GetProperty("y").GetInt32(), tig.GetProperty("mine").GetBoolean()));
        Assert.Equal(Appearance.Of(RedTabbyShortHair).Fur, tig.GetProperty("look").GetProperty("fur").GetString());
        Assert.Contains("Bean at 50, 30", room.Find("ul.purrr-sr-only").TextContent);
    }

    [Fact]
    public async Task Moves_reach_the_browser_at_most_ten_times_a_second_and_the_latest_one_wins()
    {
        var (context, scene) = NewContext();
        await using var _ = context;
        var room = Render(context, [Member(Tig, "Tig", 10, 20)]);
        room.WaitForAssertion(() => Assert.Single(Sent(scene, "add")));

        room.Render(p => p.Add(c => c.Members, [Member(Tig, "Tig", 12, 20)]));
        room.Render(p => p.Add(c => c.Members, [Member(Tig, "Tig", 14, 20)]));
        room.Render(p => p.Add(c => c.Members, [Member(Tig, "Tig", 16, 21)]));

        // The first move goes at once; the next two, in the same tenth of a second, wait and merge into the last.
        Assert.Equal([12], Sent(scene, "move").Select(m => m.GetProperty("x").GetInt32()));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        room.WaitForAssertion(() => Assert.Equal([12, 16], Sent(scene, "move").Select(m => m.GetProperty("x").GetInt32())));
        Assert.Equal(21, Sent(scene, "move")[^1].GetProperty("y").GetInt32());
    }

    [Fact]
    public async Task A_cat_that_leaves_is_removed()
    {
        var (context, scene) = NewContext();
        await using var _ = context;
        var room = Render(context, [Member(Tig, "Tig", 10, 20), Member(Bean, "Bean", 50, 30)]);
        room.WaitForAssertion(() => Assert.Equal(2, Sent(scene, "add").Count));

        room.Render(p => p.Add(c => c.Members, [Member(Tig, "Tig", 10, 20)]));

        Assert.Equal([Bean.Value.ToString()], Sent(scene, "remove").Select(id => id.GetString()));
    }

    [Fact]
    public async Task A_floor_click_walks_the_players_cat_and_does_nothing_for_a_watcher()
    {
        var (context, _) = NewContext();
        await using var _context = context;
        var walks = new List<(int X, int Y)>();
        var player = Render(context, [Member(Tig, "Tig", 10, 20)], acting: Tig, moved: walks.Add);
        var watcher = Render(context, [Member(Tig, "Tig", 10, 20)], moved: walks.Add);

        await player.InvokeAsync(() => player.Instance.FloorClicked(40, 25));
        await watcher.InvokeAsync(() => watcher.Instance.FloorClicked(70, 5));

        Assert.Equal([(40, 25)], walks);
    }

    [Fact]
    public async Task Without_WebGL_the_room_is_shown_from_above_with_a_note()
    {
        await using var context = ComponentTestContext.Create(clock: clock);
        context.JSInterop.SetupModule(RoomScene3D.ModulePath).Setup<bool>("canDraw").SetResult(false);

        var room = Render(context, [Member(Tig, "Tig", 10, 20)]);

        room.WaitForAssertion(() => Assert.Equal(["Tig"], room.FindAll("g.cat").Select(c => c.GetAttribute("data-cat"))));
        Assert.Contains("This browser can't draw 3D", room.Find("[role=note]").TextContent);
    }
}
