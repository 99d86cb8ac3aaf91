using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Purrr.Data;

namespace Purrr.Web.Components.Account;

internal static class AccountEndpoints
{
    public const string SessionEndedPath = "/Account/SessionEnded";

    /// <summary>Endpoints the account components post to (sign-out needs a real request to clear the cookie).</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        account.MapPost("/Logout", async ([FromServices] SignInManager<PurrrUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            var local = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? "/"
                : returnUrl;
            return TypedResults.LocalRedirect($"~{local}");
        });

        // Where a tab goes when an admin ended the player's sessions: a cookie whose security stamp is stale is dropped
        // (a current one is left alone, so a link here can't sign anyone out), then the sign-in page says why.
        account.MapGet("/SessionEnded", async (HttpContext http, [FromServices] SignInManager<PurrrUser> signInManager) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && await signInManager.ValidateSecurityStampAsync(http.User) is null)
            {
                await signInManager.SignOutAsync();
                return Results.LocalRedirect("~/Account/Login?ended=true");
            }
            return http.User.Identity?.IsAuthenticated == true ? Results.LocalRedirect("~/") : Results.LocalRedirect("~/Account/Login?ended=true");
        });

        return account;
    }
}
