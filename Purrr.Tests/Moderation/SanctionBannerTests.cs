using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Moderation;

[Trait("Category", "Component")]
public sealed class SanctionBannerTests : ServiceTestBase
{
    [Fact]
    public async Task A_player_sees_why_and_until_when_they_are_suspended_the_moment_it_happens_and_the_banner_goes_when_lifted()
    {
        var ana = await NewPlayerAsync("ana");
        var mod = await NewPlayerAsync("mod");
        await using var context = ComponentTestContext.Create(Database, (ana, "ana"), clock: Clock);
        var moderation = context.Services.GetRequiredService<ModerationService>();
        var banner = context.Render<SanctionBanner>(p => p.Add(b => b.Player, ana));
        Assert.Empty(banner.FindAll("[role=alert]"));

        await moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(3)), "Spamming the lounge.");

        banner.WaitForAssertion(() => Assert.Matches(@"You are suspended until\s+27 Nov 2026 12:00\s*: Spamming the lounge\.", banner.Find("[role=alert]").TextContent));
        Assert.Contains("You can read, but not post, comment or chat until then.", banner.Markup);

        await moderation.LiftAsync(mod, (await moderation.RestrictionOfAsync(ana))!.Id, null);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[role=alert]")));
    }

    [Fact]
    public async Task A_banned_player_reads_the_reason_without_an_end()
    {
        var ana = await NewPlayerAsync("ana");
        await using var context = ComponentTestContext.Create(Database, (ana, "ana"), clock: Clock);
        await context.Services.GetRequiredService<ModerationService>().SanctionAsync(await NewPlayerAsync("mod"), ana, SanctionRequest.Ban(), "Threats.");

        var banner = context.Render<SanctionBanner>(p => p.Add(b => b.Player, ana));

        Assert.Equal("Your account is banned: Threats.", banner.Find("[role=alert] span").TextContent.Trim());
    }
}
