using System.Security.Claims;
using Purrr.Core.Common;

namespace Purrr.Web.Components.Account;

public static class CurrentUser
{
    /// <summary>The signed-in player's id, or null for a visitor.</summary>
    public static UserId? GetUserId(this ClaimsPrincipal principal) =>
        UserId.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
