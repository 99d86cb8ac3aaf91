using Microsoft.AspNetCore.Components.Authorization;
using Purrr.Core.Common;

namespace Purrr.Web.Components.Account;

/// <summary>Who is using this circuit (or request): a player's id, or null for a visitor.</summary>
public sealed class CurrentPlayer(AuthenticationStateProvider authentication)
{
    public async Task<UserId?> GetIdAsync() => (await authentication.GetAuthenticationStateAsync()).User.GetUserId();
}
