namespace Purrr.Tests.Accessibility;

/// <summary>Who opens a page in the scan: one browser context each, signed in once.</summary>
public enum AxeRole { Visitor, Player, Admin }

/// <summary>
/// One page the accessibility scan opens: its route template (exactly as in <c>@page</c>), the address that fills it
/// ({cat}, {pet}, {post}, {ownPost}, {tag}, {charge}, {challenge} come from the demo world), who opens it, and whether
/// it is interactive (static account forms are not).
/// </summary>
public sealed record AxeVisit(string Route, string Address, AxeRole As, bool Interactive = true);

/// <summary>Every routable page: scanned by <see cref="AxeScanE2E"/> or excluded here with a reason.</summary>
public static class AxeScanPages
{
    private static AxeVisit Visitor(string route, string? address = null, bool interactive = false) => new(route, address ?? route.TrimStart('/'), AxeRole.Visitor, interactive);
    private static AxeVisit Player(string route, string? address = null, bool interactive = true) => new(route, address ?? route.TrimStart('/'), AxeRole.Player, interactive);
    private static AxeVisit Admin(string route, string? address = null) => new(route, address ?? route.TrimStart('/'), AxeRole.Admin);

    /// <summary>In order per role: static pages after the interactive ones, so in-circuit navigation is not broken up.</summary>
    public static readonly IReadOnlyList<AxeVisit> Visits =
    [
        Visitor("/Account/Login"),
        Visitor("/Account/LoginWithCode"), // the state without a password step; the form itself is the sign-in form's twin
        Visitor("/Account/Register"),
        Visitor("/Account/ForgotPassword"),
        Visitor("/Account/ForgotPasswordConfirmation"),
        Visitor("/Account/ResendEmailConfirmation"),
        Visitor("/Account/ResetPassword", "Account/ResetPassword?code=scan"),
        Visitor("/Account/ResetPasswordConfirmation"),
        Visitor("/Account/RegisterConfirmation", "Account/RegisterConfirmation?email=scan%40example.test"),
        Visitor("/Account/ConfirmEmail"),
        Visitor("/Account/AccessDenied"),
        Visitor("/Account/Deleted"),
        Visitor("/Error", interactive: true), // its title comes with the circuit
        Visitor("/not-found", interactive: true),

        Player("/"),
        Player("/cats"),
        Player("/cats/{Id:guid}", "cats/{cat}"),
        Player("/cats/adopt"),
        Player("/breeding"),
        Player("/shop"),
        Player("/inventory"),
        Player("/wallet"),
        Player("/quests"),
        Player("/games/paw-match"),
        Player("/night-watch"),
        Player("/online"),
        Player("/territories"),
        Player("/territories/challenges/{Id:guid}", "territories/challenges/{challenge}"),
        Player("/leaderboards"),
        Player("/rooms"),
        Player("/rooms/{Address}", "rooms/social-lounge-1"),
        Player("/community"),
        Player("/community/mine"),
        Player("/community/write"),
        Player("/community/posts/{Slug}", "community/posts/{post}"),
        Player("/community/posts/{Slug}/edit", "community/posts/{ownPost}/edit"),
        Player("/community/tags/{Tag}", "community/tags/{tag}"),
        Player("/notifications"),
        Player("/lost-and-found"),
        Player("/lost-and-found/report"),
        Player("/lost-and-found/{Id:guid}", "lost-and-found/{pet}"),
        Player("/players/{UserName}", "players/nova"),
        Player("/search", "search?q=cat"),
        Player("/settings/privacy"),
        Player("/settings/wallet"),
        Player("/settings/api-keys"),
        Player("/settings/webhooks"),
        Player("/crypto"),
        Player("/crypto/sandbox/{Code}", "crypto/sandbox/{charge}"),
        Player("/crypto/sandbox/payout/{Id}", "crypto/sandbox/payout/none"),
        Player("/Account/Manage", interactive: false),
        Player("/Account/Manage/ChangePassword", interactive: false),
        Player("/Account/Manage/TwoFactor", interactive: false),
        Player("/Account/Consent", interactive: false),

        Admin("/admin"),
        Admin("/admin/users"),
        Admin("/admin/users/{UserName}", "admin/users/luna"),
        Admin("/admin/security"),
        Admin("/admin/health"),
        Admin("/admin/flags"),
        Admin("/admin/chain"),
        Admin("/admin/withdrawals"),
        Admin("/admin/moderation"),
        Admin("/admin/audit"),
        Admin("/admin/ai"),
    ];

    /// <summary>Routable pages the scan leaves out, each with why. Keep this empty unless a page cannot be opened in a test.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>();

    /// <summary>Every <c>@page</c> route template of the app.</summary>
    public static IReadOnlyList<string> Routes() =>
        typeof(Purrr.Web.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template)
            .Distinct()
            .ToList();
}

/// <summary>No page escapes the accessibility scan: a new <c>@page</c> must be scanned or excluded with a reason.</summary>
public sealed class AxeScanCoverageTests
{
    [Fact]
    public void Every_routable_page_is_scanned_or_excluded_with_a_reason()
    {
        var routes = AxeScanPages.Routes();
        var missing = routes.Where(r => AxeScanPages.Visits.All(v => v.Route != r) && !AxeScanPages.Excluded.ContainsKey(r)).ToList();

        Assert.True(routes.Count > 40, "The route table was not found.");
        Assert.True(missing.Count == 0, "Pages the accessibility scan does not open — add them to AxeScanPages.Visits "
                                        + "(or to Excluded with a reason): " + string.Join(", ", missing));
    }

    [Fact]
    public void The_scan_lists_only_pages_that_exist_and_excludes_only_with_a_reason()
    {
        var routes = AxeScanPages.Routes();

        var unknown = AxeScanPages.Visits.Select(v => v.Route).Concat(AxeScanPages.Excluded.Keys).Where(r => !routes.Contains(r)).ToList();

        Assert.True(unknown.Count == 0, "Listed in the scan but not a route of the app: " + string.Join(", ", unknown));
        Assert.All(AxeScanPages.Excluded, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} is excluded without a reason."));
    }
}
