using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Purrr.Data;

namespace Purrr.Web.Components.Account;

internal static class AccountEndpoints
{
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

        return account;
    }
}
