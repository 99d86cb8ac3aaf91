using Microsoft.AspNetCore.Components.Server.Circuits;
using Purrr.Core.Rooms;

namespace Purrr.Web.Rooms;

/// <summary>This tab's circuit, so that cats brought into rooms from it can be taken out when it goes.</summary>
public sealed class CurrentCircuit
{
    /// <summary>Null while prerendering (no circuit yet).</summary>
    public string? Id { get; internal set; }
}

/// <summary>
/// Takes a tab's cats out of their rooms the moment its connection drops (tab closed, network lost), so the place is
/// free for others at once; the circuit itself may linger for minutes waiting for a reconnect.
/// </summary>
public sealed class RoomCircuitHandler(CurrentCircuit current, RoomService rooms) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        current.Id = circuit.Id;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) =>
        rooms.LeaveCircuitAsync(circuit.Id, CancellationToken.None);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        rooms.LeaveCircuitAsync(circuit.Id, CancellationToken.None);
}
