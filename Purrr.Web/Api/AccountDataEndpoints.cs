using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Data.OAuth;
using Purrr.Web.Components.Account;

namespace Purrr.Web.Api;

/// <summary>The GDPR endpoints: the player's data as JSON, and deleting their account (spec §2), over the API and for the settings page.</summary>
public static class AccountDataEndpoints
{
    public const string DownloadPath = "/settings/privacy/export";

    /// <summary>Signs a deleted account's browser out, then shows the goodbye page.</summary>
    public const string ClosedPath = "/Account/Closed";

    /// <summary>GET /me/export (scope read) and DELETE /me?confirm=&lt;user name&gt; (scope write), on the /api/v1 group.</summary>
    public static RouteGroupBuilder MapAccountData(this RouteGroupBuilder api)
    {
        api.MapGet("/me/export", async (HttpContext http, AccountData data, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(ApiRequests.Me(http), ct);
            return export.Succeeded
                ? Results.Json(new { success = true, data = export.Value }, AccountData.JsonOptions)
                : ApiResults.NotFound(export.FirstMessage);
        }).WithTags("Me").Reads<AccountExport>("Everything stored about me, as JSON");

        api.MapDelete("/me", async (HttpContext http, string? confirm, AccountData data, CancellationToken ct) =>
            ApiResults.From(await data.CloseAsync(ApiRequests.Me(http), confirm, ct), _ => new { deleted = true }))
            .WithTags("Me").Writes<object>("Deletes my account; confirm with my user name");
        return api;
    }

    /// <summary>
    /// The settings page's "Download my data" (the same export as a file), and where a deleted account's tabs go: it
    /// signs the browser out (only when its account really is closed) before the goodbye page renders.
    /// </summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DownloadPath, async (ClaimsPrincipal user, AccountData data, TimeProvider clock, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(user.GetUserId()!.Value, ct);
            if (!export.Succeeded)
                return Results.NotFound();
            var fileName = $"purrr-{export.Value.Profile.UserName}-{clock.GetUtcNow():yyyy-MM-dd}.json";
            return Results.File(Encoding.UTF8.GetBytes(AccountData.ToJson(export.Value)), "application/json", fileName);
        }).RequireAuthorization();

        endpoints.MapGet(ClosedPath, async (HttpContext http, PlayerService players) =>
        {
            if (http.User.GetUserId() is { } id && (await players.FindAsync(id))?.IsClosed != false)
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("~/Account/Deleted");
        });
        return endpoints;
    }
}
