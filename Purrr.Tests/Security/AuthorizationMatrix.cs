namespace Purrr.Tests.Security;

/// <summary>Who opens a page: nobody signed in, the owner of the resources in the table, another player, a moderator, an admin.</summary>
public enum Who { Visitor, Player, OtherPlayer, Moderator, Admin }

/// <summary>What one role gets on one page.</summary>
public abstract record Outcome
{
    /// <summary>200, showing this text (placeholders like {catName} are filled in).</summary>
    public sealed record Allowed(string Shows) : Outcome;

    /// <summary>A redirect to the sign-in page that comes back here.</summary>
    public sealed record SignIn : Outcome;

    /// <summary>This status (404 not found, 410 gone), and none of the owner's private text.</summary>
    public sealed record Hidden(int Status) : Outcome;

    /// <summary>200 with this refusal, and none of the owner's private text.</summary>
    public sealed record Refused(string Says) : Outcome;

    public static readonly Outcome SignInFirst = new SignIn();
    public static readonly Outcome NotFound = new Hidden(404);
    public static readonly Outcome Gone = new Hidden(410);
}

/// <summary>One routable page: its route template (exactly as in <c>@page</c>), an address that fills it with the fixture's
/// resources ({cat}, {post}, {draft}, {pet}, {player}), and what each role gets.</summary>
public sealed record PageRow(string Route, string Address, Outcome Visitor, Outcome Player, Outcome OtherPlayer, Outcome Moderator, Outcome Admin)
{
    /// <summary>Anyone, signed in or not, sees it.</summary>
    public static PageRow Public(string route, string shows, string? address = null)
    {
        var allowed = new Outcome.Allowed(shows);
        return new(route, address ?? route, allowed, allowed, allowed, allowed, allowed);
    }

    /// <summary>Visitors are sent to sign in; every signed-in player sees it.</summary>
    public static PageRow SignedIn(string route, string shows, string? address = null)
    {
        var allowed = new Outcome.Allowed(shows);
        return new(route, address ?? route, Outcome.SignInFirst, allowed, allowed, allowed, allowed);
    }

    /// <summary>Only the owner sees it; everyone else (moderators and admins too) gets <paramref name="others"/>.</summary>
    public static PageRow Owned(string route, string address, string shows, Outcome others, Outcome? visitor = null) =>
        new(route, address, visitor ?? others, new Outcome.Allowed(shows), others, others, others);

    public Outcome For(Who who) => who switch
    {
        Who.Visitor => Visitor,
        Who.Player => Player,
        Who.OtherPlayer => OtherPlayer,
        Who.Moderator => Moderator,
        _ => Admin,
    };
}

/// <summary>
/// Every page of the app and what each role gets on it — ONE row per page. The admin console's pages are in
/// <see cref="Purrr.Tests.Admin.AdminAccessTests"/>'s table (with the UNAUTHORIZED_ACCESS log check); the API's endpoints are
/// in <see cref="Purrr.Tests.Api.ApiEndpoint.All"/>; the other HTTP endpoints in <see cref="Endpoints"/>.
/// <c>AuthorizationMatrixTests</c> fails, naming the row to add, when a page or endpoint is in none of them.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlyList<PageRow> Pages =
    [
        PageRow.Public("/", "Purrr"),
        PageRow.Public("/Account/AccessDenied", "Access denied"),
        PageRow.Public("/Account/ConfirmEmail", "Confirm email"),
        PageRow.SignedIn("/Account/Consent", "Unknown application"),
        PageRow.Public("/Account/Deleted", "deleted"),
        PageRow.Public("/Account/ForgotPassword", "Forgot your password?"),
        PageRow.Public("/Account/ForgotPasswordConfirmation", "Check your email"),
        PageRow.Public("/Account/Login", "Sign in"),
        PageRow.Public("/Account/LoginWithCode", "Sign in again"), // no password step waiting: nothing to enter a code for
        PageRow.SignedIn("/Account/Manage", "Your profile"),
        PageRow.SignedIn("/Account/Manage/ChangePassword", "Change password"),
        PageRow.SignedIn("/Account/Manage/TwoFactor", "Two-factor authentication"),
        PageRow.Public("/Account/Register", "Create"),
        PageRow.Public("/Account/RegisterConfirmation", "Check your email"),
        PageRow.Public("/Account/ResendEmailConfirmation", "Resend email confirmation"),
        PageRow.Public("/Account/ResetPassword", "Reset password"),
        PageRow.Public("/Account/ResetPasswordConfirmation", "Password reset"),
        PageRow.Public("/Error", "Error"),
        PageRow.SignedIn("/breeding", "Breeding"),
        PageRow.SignedIn("/cats", "My cats"),
        PageRow.SignedIn("/cats/adopt", "Adopt"),
        PageRow.SignedIn("/crypto", "Crypto"),
        PageRow.SignedIn("/crypto/sandbox/{Code}", "There is no sandbox charge of yours with this code.", "/crypto/sandbox/someone-elses"),
        PageRow.SignedIn("/crypto/sandbox/payout/{Id}", "There is no sandbox payout of yours with this id.", "/crypto/sandbox/payout/someone-elses"),
        PageRow.Owned("/cats/{Id:guid}", "/cats/{cat}", "{catName}", Outcome.NotFound),
        PageRow.Public("/community", "Community"),
        PageRow.SignedIn("/community/mine", "My posts"),
        PageRow.Public("/community/posts/{Slug}", "{postTitle}", "/community/posts/{post}"),
        PageRow.Owned("/community/posts/{Slug}/edit", "/community/posts/{draft}/edit", "{draftTitle}",
            Outcome.NotFound, visitor: Outcome.SignInFirst), // someone else's draft looks missing; a published post is refused
        PageRow.Public("/community/tags/{Tag}", "{postTitle}", "/community/tags/matrix"),
        PageRow.SignedIn("/community/write", "Write"),
        PageRow.SignedIn("/games/paw-match", "Paw Match"),
        PageRow.SignedIn("/inventory", "Your items"),
        PageRow.Public("/leaderboards", "Leaderboards"),
        PageRow.Public("/lost-and-found", "Lost"),
        PageRow.SignedIn("/lost-and-found/report", "Report"),
        PageRow.Public("/lost-and-found/{Id:guid}", "{petName}", "/lost-and-found/{pet}"),
        PageRow.SignedIn("/night-watch", "Night watch"),
        PageRow.Public("/not-found", "not found"),
        PageRow.SignedIn("/notifications", "Notifications"),
        PageRow.SignedIn("/online", "Online"),
        PageRow.Public("/players/{UserName}", "{userName}", "/players/{player}"),
        PageRow.SignedIn("/quests", "Quests"),
        PageRow.Public("/rooms", "Rooms"),
        PageRow.Public("/rooms/{Address}", "Playground", "/rooms/playground-1"),
        PageRow.Public("/search", "Search"),
        PageRow.SignedIn("/settings/api-keys", "API keys"),
        PageRow.SignedIn("/settings/privacy", "Privacy"),
        PageRow.SignedIn("/settings/wallet", "Wallet"),
        PageRow.SignedIn("/settings/webhooks", "Webhooks"),
        PageRow.SignedIn("/shop", "Shop"),
        PageRow.SignedIn("/territories", "Territories"),
        PageRow.SignedIn("/territories/challenges/{Id:guid}", "Territory challenge", "/territories/challenges/00000000-0000-0000-0000-000000000001"),
        PageRow.SignedIn("/wallet", "Wallet"),
    ];

    /// <summary>
    /// HTTP endpoints that are neither pages nor /api/v1 player endpoints: method and route pattern (as in the endpoint data
    /// source), an address, and the status a visitor and a signed-in player get (cookies only: no API key).
    /// </summary>
    public static readonly IReadOnlyList<EndpointRow> Endpoints =
    [
        new("POST", "/Account/Logout", "/Account/Logout", Visitor: 400, Player: 400, Why: "a form post without its antiforgery token"),
        new("GET", "/Account/SessionEnded", "/Account/SessionEnded", Visitor: 302, Player: 302, Why: "signs out and sends to sign in"),
        new("GET", "/images/{id:guid}", "/images/00000000-0000-0000-0000-000000000001", Visitor: 404, Player: 404, Why: "a missing image"),
        new("GET", "/admin/users.csv", "/admin/users.csv", Visitor: 302, Player: 302, Why: "admins only (AdminAccessTests)"),
        new("GET", "/health", "/health", Visitor: 200, Player: 200, Why: "liveness for load balancers"),
        new("GET", "/health/ready", "/health/ready", Visitor: 200, Player: 200, Why: "readiness for load balancers"),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Visitor: 200, Player: 200, Why: "the API's public description"),
        new("GET", "/scalar/{documentName?}", "/scalar/v1", Visitor: 200, Player: 200, Why: "the API reference (Development only)"),
        new("GET", "/connect/authorize", "/connect/authorize", Visitor: 400, Player: 400, Why: "OpenIddict refuses a request without client_id"),
        new("POST", "/connect/authorize", "/connect/authorize", Visitor: 400, Player: 400, Why: "OpenIddict refuses a request without client_id"),
        new("POST", "/connect/token", "/connect/token", Visitor: 400, Player: 400, Why: "a token request without a grant"),
        new("GET", "/api/v1/me/token-info", "/api/v1/me/token-info", Visitor: 401, Player: 401, Why: "bearer tokens only"),
        new("GET", "/api/v1/me/export", "/api/v1/me/export", Visitor: 401, Player: 401, Why: "API keys only (AccountDataEndpointTests)"),
        new("DELETE", "/api/v1/me", "/api/v1/me", Visitor: 401, Player: 401, Why: "API keys only (AccountDataEndpointTests)"),
        new("GET", "/settings/privacy/export", "/settings/privacy/export", Visitor: 302, Player: 200, Why: "the player's own data, to the player only"),
        new("GET", "/nft/cats/{id:guid}.json", "/nft/cats/00000000-0000-0000-0000-000000000001.json", Visitor: 404, Player: 404, Why: "token metadata, public, only for cats whose mint started"),
        new("POST", "/payments/webhook", "/payments/webhook", Visitor: 400, Player: 400, Why: "a payment provider's callback without its signature"),
        new("GET", "/Account/Closed", "/Account/Closed", Visitor: 302, Player: 302, Why: "signs out a closed account, then the goodbye page"),
        new("GET", "/{**path:file}", "/no-such-file.js", Visitor: 404, Player: 404, Why: "static files: only those that exist"),
        new("HEAD", "/{**path:file}", "/no-such-file.js", Visitor: 404, Player: 404, Why: "static files: only those that exist"),
        new("GET", "/scalar/scalar.js", "/scalar/scalar.js", Visitor: 200, Player: 200, Why: "the API reference's script (Development only)"),
        new("GET", "/scalar/scalar.aspnetcore.js", "/scalar/scalar.aspnetcore.js", Visitor: 200, Player: 200, Why: "the API reference's script (Development only)"),
        new("GET", "/scalar/favicon.svg", "/scalar/favicon.svg", Visitor: 200, Player: 200, Why: "the API reference's icon (Development only)"),
    ];
}

/// <summary>One endpoint outside the page and API tables; <paramref name="Why"/> says why those statuses are right.</summary>
public sealed record EndpointRow(string Method, string Pattern, string Address, int Visitor, int Player, string Why);
