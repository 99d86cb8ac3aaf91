using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Admin;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.Admin;

[Trait("Category", "Component")]
public sealed class AdminPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = TestClock.AtNoon();
    private TestDatabase database = null!;
    private UserId admin;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        admin = await database.AddPlayerAsync("admin");
    }

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private BunitContext AsAdmin() => ComponentTestContext.Create(database, (admin, "admin"), clock: clock, roles: Roles.Admin);

    private static string Card(IRenderedComponent<AdminPage> page, KpiKind kind) =>
        page.Find($"[data-kpi={kind}] .value").TextContent;

    [Fact]
    public async Task The_dashboard_refreshes_its_figures_every_thirty_seconds_without_a_reload()
    {
        await using var ctx = AsAdmin();
        var page = ctx.Render<AdminPage>();
        page.WaitForAssertion(() => Assert.Equal("1", Card(page, KpiKind.TotalUsers)));
        await database.AddPlayerAsync("luna");
        await database.AddPlayerAsync("milo");

        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.Equal("1", Card(page, KpiKind.TotalUsers));
        clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Assert.Equal("3", Card(page, KpiKind.TotalUsers)));
        Assert.Equal(5, page.FindComponents<ApexChart>().Count); // the same charts, updated in place
    }

    [Fact]
    public async Task Online_now_follows_presence_live()
    {
        await using var ctx = AsAdmin();
        var presence = ctx.Services.GetRequiredService<PresenceTracker>();
        var luna = await database.AddPlayerAsync("luna");
        var page = ctx.Render<AdminPage>();
        page.WaitForAssertion(() => Assert.Equal("0", Card(page, KpiKind.OnlineNow)));

        await presence.ConnectAsync(luna, "luna-tab");
        page.WaitForAssertion(() => Assert.Equal("1", Card(page, KpiKind.OnlineNow)));

        await presence.DisconnectAsync(luna, "luna-tab");
        page.WaitForAssertion(() => Assert.Equal("0", Card(page, KpiKind.OnlineNow)));
    }

    [Fact]
    public async Task A_range_in_the_address_that_is_not_offered_shows_why_and_the_last_seven_days()
    {
        await using var ctx = AsAdmin();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("admin?days=14");

        var page = ctx.Render<AdminPage>();

        page.WaitForAssertion(() => Assert.Contains("Choose a range of 7, 30 or 90 days; 14 days is not one of them. Showing the last 7 days.",
            page.Find("[role=alert]").TextContent));
        Assert.Equal("true", page.FindAll("[role=group] button").Single(b => b.TextContent.Contains("7 days", StringComparison.OrdinalIgnoreCase)).GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task The_timer_and_the_subscription_end_with_the_page()
    {
        await using var ctx = AsAdmin();
        var page = ctx.Render<AdminPage>();
        page.WaitForAssertion(() => Assert.Equal("1", Card(page, KpiKind.TotalUsers)));

        page.Instance.Dispose();
        await database.AddPlayerAsync("luna");
        clock.Advance(AdminPage.RefreshEvery);
        await Task.Delay(200);

        Assert.Equal("1", Card(page, KpiKind.TotalUsers));
    }
}
