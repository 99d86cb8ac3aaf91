using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.ThreeD;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.ThreeD;

[Trait("Category", "Component")]
public sealed class CatScene3DTests : ServiceTestBase
{
    private async Task<(UserId Luna, CatProfile Mochi)> LunaAndMochiAsync()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Playful().Named("Mochi").OwnedBy(luna).WithHappiness(40)
            .WithGenome("O/O D/D T/T S/s Cu/Cu l/l").Build()))[0];
        return (luna, (await Cats.GetProfileAsync(mochi.Id, luna))!);
    }

    /// <summary>The module as a browser with WebGL answers it: start() hands back a scene.</summary>
    private static (BunitJSModuleInterop Module, BunitJSModuleInterop Scene) WithWebGL(BunitContext context)
    {
        var module = context.JSInterop.SetupModule(CatScene3D.ModulePath);
        module.Setup<bool>("canDraw").SetResult(true);
        var scene = module.SetupModule(invocation => invocation.Identifier == "start");
        return (module, scene);
    }

    private static IRenderedComponent<CatScene3D> RenderScene(BunitContext context, CatProfile profile, UserId? viewer, Action? changed = null) =>
        context.Render<CatScene3D>(p => p
            .Add(c => c.Profile, profile)
            .Add(c => c.Viewer, viewer)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(new object(), () => changed?.Invoke())));

    private async Task<int> HappinessAsync(CatProfile cat, UserId owner) => (await Cats.GetProfileAsync(cat.Id, owner))!.Stats.Happiness;

    [Fact]
    public async Task The_module_starts_with_the_cats_appearance_and_liveliness_and_a_reference_to_call_back()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var (module, _) = WithWebGL(context);

        var scene = RenderScene(context, mochi, luna);

        scene.WaitForAssertion(() => Assert.Equal("true", scene.Find(".purrr-cat-scene").GetAttribute("data-ready")));
        var start = module.VerifyInvoke("start");
        var look = JsonSerializer.SerializeToElement(start.Arguments[2], JsonSerializerOptions.Web);
        var expected = Appearance.Of(mochi.Genome);
        Assert.Equal(expected.Fur, look.GetProperty("fur").GetString());
        Assert.Equal(Appearance.White, look.GetProperty("paws").GetString()); // bicolour
        Assert.True(look.GetProperty("stripes").GetBoolean());
        Assert.True(look.GetProperty("longHair").GetBoolean());
        Assert.Equal(CatScene.Liveliness(mochi.Stats), start.Arguments[3]);
        Assert.IsType<DotNetObjectReference<CatScene3D>>(start.Arguments[1]);
        Assert.Contains("Click Mochi to pet, the yarn to play, the bowl to feed.", scene.Markup);
        Assert.Empty(scene.FindAll("[data-enter-vr]"));
    }

    [Fact]
    public async Task Clicking_the_cat_through_the_reference_pets_it_and_the_page_shows_the_new_happiness()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var (module, _) = WithWebGL(context);
        var changed = 0;
        var scene = RenderScene(context, mochi, luna, () => changed++);
        scene.WaitForAssertion(() => module.VerifyInvoke("start"));
        var self = (DotNetObjectReference<CatScene3D>)module.Invocations["start"][0].Arguments[1]!;

        var answer = await scene.InvokeAsync(() => self.Value.Interact("cat"));

        Assert.Equal(new SceneAnswer(true, "Mochi is spotless and shiny. +5 XP"), answer);
        Assert.Equal("Mochi is spotless and shiny. +5 XP", scene.Find("[role=status]").TextContent);
        Assert.Equal(1, changed);
        Assert.Equal(40 + Cat.GroomHappiness, await HappinessAsync(mochi, luna));
    }

    [Fact]
    public async Task A_second_pet_during_the_cooldown_says_what_the_care_button_would_and_changes_nothing()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        WithWebGL(context);
        var scene = RenderScene(context, mochi, luna);
        await scene.InvokeAsync(() => scene.Instance.Interact("cat"));

        var again = await scene.InvokeAsync(() => scene.Instance.Interact("cat"));

        Assert.False(again.Succeeded);
        Assert.Equal("Mochi needs a break from that: try again in 10 min.", scene.Find("[role=status]").TextContent);
        Assert.Equal(40 + Cat.GroomHappiness, await HappinessAsync(mochi, luna));
    }

    [Fact]
    public async Task Another_player_clicking_the_cat_is_refused_and_nothing_changes()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (milo, "milo"), clock: Clock);
        WithWebGL(context);
        var changed = 0;
        var scene = RenderScene(context, mochi, milo, () => changed++);

        var answer = await scene.InvokeAsync(() => scene.Instance.Interact("toy"));

        Assert.Equal(new SceneAnswer(false, "Only a cat's owner can care for it."), answer);
        Assert.Equal(0, changed);
        Assert.Equal(40, await HappinessAsync(mochi, luna));
        Assert.Contains("Drag to look around.", scene.Markup);
        Assert.DoesNotContain("to pet", scene.Markup);
    }

    [Fact]
    public async Task A_call_from_a_disposed_scene_is_refused_and_the_browser_scene_was_disposed()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var (_, browserScene) = WithWebGL(context);
        var scene = RenderScene(context, mochi, luna);
        scene.WaitForAssertion(() => Assert.NotNull(scene.Find("[data-ready=true]")));
        var component = scene.Instance;

        await scene.InvokeAsync(() => component.DisposeAsync().AsTask());
        var late = await component.Interact("cat");

        Assert.Equal(new SceneAnswer(false, SceneCareService.SceneClosed), late);
        browserScene.VerifyInvoke("dispose");
        Assert.Equal(40, await HappinessAsync(mochi, luna));
    }

    [Fact]
    public async Task Without_WebGL_the_tab_shows_the_portrait_and_says_why()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var module = context.JSInterop.SetupModule(CatScene3D.ModulePath);
        module.Setup<bool>("canDraw").SetResult(false);

        var scene = RenderScene(context, mochi, luna);

        scene.WaitForAssertion(() => Assert.NotNull(scene.Find("svg.cat-portrait")));
        Assert.Contains("This browser can't draw 3D (WebGL is off or missing), so here is Mochi's portrait instead.", scene.Find("[role=note]").TextContent);
        Assert.Empty(scene.FindAll(".canvas-host"));
        Assert.Empty(module.Invocations["start"]);
    }

    [Fact]
    public async Task The_Enter_VR_button_appears_only_once_the_browser_reports_VR()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        WithWebGL(context);
        var scene = RenderScene(context, mochi, luna);
        Assert.Empty(scene.FindAll("[data-enter-vr]"));

        await scene.InvokeAsync(() => scene.Instance.VrAvailable());

        Assert.Equal("Enter VR", scene.Find("button[data-enter-vr]").TextContent);
    }

    [Fact]
    public async Task A_livelier_cat_updates_the_running_scene()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var (_, browserScene) = WithWebGL(context);
        var scene = RenderScene(context, mochi, luna);
        scene.WaitForAssertion(() => Assert.NotNull(scene.Find("[data-ready=true]")));

        var tired = mochi with { Stats = mochi.Stats with { Energy = 0, Mood = 0 } };
        scene.Render(p => p.Add(c => c.Profile, tired));

        var update = browserScene.VerifyInvoke("update");
        Assert.Equal(0.2, JsonSerializer.SerializeToElement(update.Arguments[0], JsonSerializerOptions.Web).GetProperty("liveliness").GetDouble());
    }

    [Fact]
    public async Task The_cat_page_opens_on_the_portrait_and_builds_the_scene_only_when_the_3D_tab_is_chosen()
    {
        var (luna, mochi) = await LunaAndMochiAsync();
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var (module, _) = WithWebGL(context);

        var page = context.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("svg.cat-portrait")));
        Assert.Empty(module.Invocations["start"]);

        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "3D").Click();

        page.WaitForAssertion(() => module.VerifyInvoke("start"));
        Assert.Contains("Click Mochi to pet", page.Markup);
    }
}
