using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Purrr.Core.Common;
using Purrr.Core.Presence;
using Purrr.Web.Components.Account;

namespace Purrr.Web.Presence;

/// <summary>
/// Tells <see cref="PresenceTracker"/> when a signed-in player's tab connects and when it goes: a closed tab drops its
/// connection at once, while the circuit itself closes only minutes later, so both count as leaving (the tracker
/// ignores the second). Visitors are not tracked.
/// </summary>
public sealed class PresenceCircuitHandler(PresenceTracker presence, AuthenticationStateProvider authentication) : CircuitHandler
{
    private UserId? player; // who connected: signing out elsewhere must not make this tab leave as someone else

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        player ??= (await authentication.GetAuthenticationStateAsync()).User.GetUserId();
        if (player is { } id)
            await presence.ConnectAsync(id, circuit.Id);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => LeaveAsync(circuit);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => LeaveAsync(circuit);

    private Task LeaveAsync(Circuit circuit) => player is { } id ? presence.DisconnectAsync(id, circuit.Id) : Task.CompletedTask;
}
