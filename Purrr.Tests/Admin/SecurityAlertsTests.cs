using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Admin;

[Trait("Category", "Component")]
public sealed class SecurityAlertsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private static IRenderedComponent<ContainerFragment> RenderAlerts(BunitContext ctx) =>
        ctx.Render<ContainerFragment>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudSnackbarProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SecurityAlerts>(1);
            builder.CloseComponent();
        }));

    [Fact]
    public async Task An_online_admin_sees_a_critical_event_at_once_with_a_link_to_the_log()
    {
        var admin = await database.AddPlayerAsync("admin");
        await using var ctx = ComponentTestContext.Create(database, (admin, "admin"), roles: Roles.Admin);
        var page = RenderAlerts(ctx);

        await ctx.Services.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventType.IpAutoBanned, null, "203.0.113.7", "Banned for an hour after 5 violations");

        page.WaitForAssertion(() => Assert.Contains("Security alert: IP_AUTO_BANNED — Banned for an hour after 5 violations (203.0.113.7)", page.Markup));
        Assert.Contains("Open security log", page.Markup);
    }

    [Fact]
    public async Task A_player_gets_no_security_alerts()
    {
        var luna = await database.AddPlayerAsync("luna");
        await using var ctx = ComponentTestContext.Create(database, (luna, "luna"));
        var page = RenderAlerts(ctx);

        await ctx.Services.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventType.IpAutoBanned, null, "203.0.113.7", "Banned");
        await Task.Delay(200);

        Assert.DoesNotContain("Security alert", page.Markup);
        Assert.Empty(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task An_admin_is_not_interrupted_for_events_below_critical()
    {
        var admin = await database.AddPlayerAsync("admin");
        await using var ctx = ComponentTestContext.Create(database, (admin, "admin"), roles: Roles.Admin);
        var page = RenderAlerts(ctx);

        await ctx.Services.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventType.UnauthorizedAccess, admin, "203.0.113.7", "Refused: /admin");
        await Task.Delay(200);

        Assert.Empty(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }
}

/// <summary>Renders its child content, for tests that need providers beside the component under test.</summary>
public sealed class ContainerFragment : ComponentBase
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
