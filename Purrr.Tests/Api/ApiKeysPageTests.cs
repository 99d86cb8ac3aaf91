using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Api;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Settings;

namespace Purrr.Tests.Api;

[Trait("Category", "Component")]
public sealed class ApiKeysPageTests : ServiceTestBase
{
    [Fact]
    public async Task A_new_key_is_shown_once_with_a_copy_button_and_listed_by_its_prefix()
    {
        var player = await NewPlayerAsync("scripter");
        await using var context = ComponentTestContext.Create(Database, (player, "scripter"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No keys yet.", page.Markup));

        page.Find("input[data-testid=key-name], [data-testid=key-name] input").Input("Feeding script");
        page.Find("[data-testid=scope-write] input, input[data-testid=scope-write]").Change(true);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Copy it now: it will not be shown again.", page.Markup));
        var key = page.Find("[data-testid=key-value]").TextContent;
        Assert.StartsWith("pk_", key);
        var stored = Assert.Single(await context.Services.GetRequiredService<ApiKeyService>().ListAsync(player));
        Assert.Equal("Feeding script", stored.Name);
        Assert.Equal(["read", "write"], stored.Scopes);
        Assert.Equal(Clock.GetUtcNow().AddDays(90), stored.ExpiresAt);
        Assert.Contains($"{key[..10]}…", page.Find("[data-testid=key-list]").TextContent);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Copy").Click();
        Assert.Contains(context.JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText" && (string)i.Arguments[0]! == key);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Copied"));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "I saved it").Click();
        Assert.DoesNotContain(key, page.Markup);
        var reopened = context.Render<ApiKeysPage>();
        reopened.WaitForAssertion(() => Assert.Contains("Feeding script", reopened.Markup));
        Assert.DoesNotContain(key, reopened.Markup);
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_keeping_what_was_typed()
    {
        var player = await NewPlayerAsync("hasty");
        await using var context = ComponentTestContext.Create(Database, (player, "hasty"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No keys yet.", page.Markup));

        page.Find("input[data-testid=key-ips], [data-testid=key-ips] input").Input("203.0.113.7");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Give the key a name, so you know later what uses it.", page.Markup));
        Assert.Equal("203.0.113.7", page.Find("input[data-testid=key-ips], [data-testid=key-ips] input").GetAttribute("value"));
        Assert.Empty(await context.Services.GetRequiredService<ApiKeyService>().ListAsync(player));
        Assert.DoesNotContain("pk_", page.Markup);
    }

    [Fact]
    public async Task A_key_is_revoked_after_a_confirmation_and_the_admin_scope_is_only_for_admins()
    {
        var player = await NewPlayerAsync("tidy");
        var keys = new ApiKeyService(Database.Factory, Clock, new Core.Security.SecurityLog(Database.Factory, Clock, Bus));
        var made = await keys.CreateAsync(player, new ApiKeyRequest("Old script", ["read"], null, null), false);
        await using var context = ComponentTestContext.Create(Database, (player, "tidy"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("Old script", page.Markup));
        Assert.True(page.Find("[data-testid=scope-admin] input, input[data-testid=scope-admin]").HasAttribute("disabled"));
        Assert.Contains("admin — only admins can grant it", page.Markup);

        page.Find("button[aria-label='Revoke Old script']").Click();
        page.Find("button[aria-label='Confirm revoking Old script']").Click();

        page.WaitForAssertion(() => Assert.Contains("Revoked", page.Find($"tr[data-key='{made.Value.View.Id}']").TextContent));
        Assert.Equal("The API key has been revoked.", (await keys.AuthenticateAsync(made.Value.Key, null)).FirstMessage);
    }
}
