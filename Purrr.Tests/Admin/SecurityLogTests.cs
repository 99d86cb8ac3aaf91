using Purrr.Core.Common;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

[Trait("Category", "Integration")]
public sealed class SecurityLogTests : ServiceTestBase
{
    private SecurityLog Log => new(Database.Factory, Clock, Bus);

    private async Task<(UserId Luna, UserId Milo)> SeedAsync()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await Log.RecordAsync(SecurityEventType.LoginSucceeded, luna, "10.0.0.1", "Signed in");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Log.RecordAsync(SecurityEventType.LoginFailed, milo, "10.0.0.2", "Wrong password");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Log.RecordAsync(SecurityEventType.UnauthorizedAccess, luna, "192.168.1.9", "Refused: /admin");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Log.RecordAsync(SecurityEventType.IpAutoBanned, null, "10.0.0.2", "Too many violations");
        return (luna, milo);
    }

    [Fact]
    public async Task The_log_lists_newest_first_with_names_and_the_total()
    {
        await SeedAsync();

        var page = await Log.SearchAsync(new SecurityLogFilter(), 0, 3);

        Assert.Equal(4, page.Total);
        Assert.Equal(["IP_AUTO_BANNED", "UNAUTHORIZED_ACCESS", "LOGIN_FAILED"], page.Rows.Select(r => r.Code));
        Assert.Equal([null, "luna", "milo"], page.Rows.Select(r => r.UserName));
        Assert.Equal(["LOGIN_SUCCEEDED"], (await Log.SearchAsync(new SecurityLogFilter(), 3, 3)).Rows.Select(r => r.Code));
    }

    [Fact]
    public async Task Filters_by_severity_type_user_and_ip_combine()
    {
        await SeedAsync();

        Assert.Equal(["IP_AUTO_BANNED"], await CodesAsync(new SecurityLogFilter(Severity: SecuritySeverity.Critical)));
        Assert.Equal(["LOGIN_FAILED"], await CodesAsync(new SecurityLogFilter(Type: SecurityEventType.LoginFailed)));
        Assert.Equal(["UNAUTHORIZED_ACCESS", "LOGIN_SUCCEEDED"], await CodesAsync(new SecurityLogFilter(User: "lun")));
        Assert.Equal(["IP_AUTO_BANNED", "LOGIN_FAILED", "LOGIN_SUCCEEDED"], await CodesAsync(new SecurityLogFilter(Ip: "10.0.")));
        Assert.Equal(["LOGIN_SUCCEEDED"], await CodesAsync(new SecurityLogFilter(User: "luna", Ip: "10.")));
        Assert.Empty(await CodesAsync(new SecurityLogFilter(User: "nobody")));
    }

    [Fact]
    public async Task Only_a_critical_event_raises_an_alert_for_online_admins()
    {
        await SeedAsync();

        var alert = Assert.Single(Bus.Published.OfType<SecurityAlertRaised>());
        Assert.Equal(("IP_AUTO_BANNED", "Too many violations", "10.0.0.2", TestClock.Noon.AddMinutes(3)), (alert.Code, alert.Detail, alert.IpAddress, alert.OccurredAt));
    }

    [Fact]
    public async Task A_page_is_at_most_a_hundred_rows()
    {
        for (var i = 0; i < 105; i++)
            await Log.RecordAsync(SecurityEventType.LoginFailed, null, "10.0.0.3", $"Try {i}");

        var page = await Log.SearchAsync(new SecurityLogFilter(), 0, 500);

        Assert.Equal((105, 100), (page.Total, page.Rows.Count));
    }

    private async Task<IReadOnlyList<string>> CodesAsync(SecurityLogFilter filter) =>
        [.. (await Log.SearchAsync(filter, 0, 50)).Rows.Select(r => r.Code)];
}
