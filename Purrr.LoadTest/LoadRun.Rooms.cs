using System.Collections.Concurrent;
using System.Diagnostics;

namespace Purrr.LoadTest;

/// <summary>
/// The "rooms" scenario: signed-in players each bring a cat into a party room (one cat per player per room, so
/// several rooms fill at once; the rest of the circuits watch), then walk on the floor (arrow keys, as the floor's
/// keydown handler takes them) and chat at the configured rate. For each event it measures the round trip to the
/// render that shows it on the sender's tab, and the delay until another tab in the same room shows it (the fan-out).
/// </summary>
public sealed partial class LoadRun
{
    /// <summary>The room type the scenario fills: the largest (25 cats), the one the fan-out goal is about.</summary>
    private const string RoomSlug = "party-room";

    private const int RoomCapacity = 25;

    private static readonly TimeSpan SeenTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentBag<double> fanOuts = [];
    private int moves;
    private int messages;
    private int members;

    /// <summary>
    /// Circuit i of the plan: the first players × rooms circuits are members (player i % players brings their
    /// (i / players)-th cat into room i / players + 1); the rest are visitors watching the rooms in turn.
    /// </summary>
    private int RoomCount(int players) => Math.Max(1, options.Rooms ?? Math.Min(3, (options.Circuits + players - 1) / players));

    private (int Room, int? Seat) RoomSeat(int index, int players)
    {
        var rooms = RoomCount(players);
        var perRoom = Math.Min(players, RoomCapacity);
        return index < rooms * perRoom ? (index / perRoom + 1, index / perRoom) : ((index - rooms * perRoom) % rooms + 1, null);
    }

    private sealed record Seat(CircuitClient Client, int Room, string? Cat);

    private async Task ActInRoomsAsync(CircuitClient?[] clients, int players, CancellationToken cancellation)
    {
        // Everyone in: members bring their cat, each waits for its own "Leave room" button.
        var seats = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            if (client is null)
                return null;
            var (room, seat) = RoomSeat(i, players);
            if (seat is null)
                return new Seat(client, room, null);
            try
            {
                return new Seat(client, room, await BringCatAsync(client, seat.Value, cancellation));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref eventErrors);
                Record($"join: {ex.GetType().Name}: {ex.Message}");
                return new Seat(client, room, null);
            }
        }));
        var seated = seats.OfType<Seat>().ToList();
        members = seated.Count(s => s.Cat is not null);
        log.WriteLine($"[rooms] {members} cats in {seated.Where(s => s.Cat is not null).Select(s => s.Room).Distinct().Count()} rooms, {seated.Count - members} watching");
        var byRoom = seated.GroupBy(s => s.Room).ToDictionary(g => g.Key, g => g.Select(s => s.Client).ToList());
        var until = DateTime.UtcNow + options.Duration;
        await Task.WhenAll(seated.Where(s => s.Cat is not null).Select(s => MemberLoopAsync(s, byRoom[s.Room], until, cancellation)));
    }

    /// <summary>Clicks "Bring …" for the player's <paramref name="seat"/>-th cat and waits until it is in; null when that cat can't come.</summary>
    private static async Task<string?> BringCatAsync(CircuitClient client, int seat, CancellationToken cancellation)
    {
        var candidates = client.ButtonsStartingWith("Bring ");
        // No second choice: another tab of this player is bringing that cat into its own room at the same moment.
        if (seat >= candidates.Count || !candidates[seat].Enabled)
            return null; // this player has no cat for this room (fewer cats, or too tired): the tab watches
        var pick = candidates[seat];
        await client.ClickAsync(pick.Text, EventTimeout, cancellation);
        try
        {
            await client.WhenAsync(() => client.Has("Leave room"), SeenTimeout, cancellation);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{pick.Text[6..]} did not come in: {client.TextOf("mud-snackbar-content-message") ?? "no message"}");
        }
        return pick.Text["Bring ".Length..];
    }

    /// <summary>One member: a step or a message in turn, at the configured rate, each timed on its own tab and on another one in the room.</summary>
    private async Task MemberLoopAsync(Seat seat, List<CircuitClient> room, DateTime until, CancellationToken cancellation)
    {
        var period = TimeSpan.FromSeconds(1 / options.RatePerCircuit);
        await Task.Delay(period * Random.Shared.NextDouble(), cancellation);
        var others = room.Where(c => c != seat.Client).ToList();
        var cat = seat.Cat!;
        for (var step = 0; DateTime.UtcNow < until && !cancellation.IsCancellationRequested; step++)
        {
            var next = DateTime.UtcNow + period;
            var observer = others.Count > 0 ? others[Random.Shared.Next(others.Count)] : null;
            try
            {
                if (step % 2 == 0)
                {
                    var (x, y) = seat.Client.Position(cat) ?? throw new InvalidOperationException($"{cat} is not on the floor.");
                    var (key, to) = x + 5 <= 100 && step % 4 == 0 || x - 5 < 0 ? ("ArrowRight", x + 5) : ("ArrowLeft", x - 5);
                    await TimeAsync(seat.Client, observer, c => c.Position(cat) == (to, y), () => seat.Client.KeyDownAsync("application", key, EventTimeout, cancellation), cancellation);
                    Interlocked.Increment(ref moves);
                }
                else
                {
                    var text = $"{cat} says purr #{step / 2} ({Random.Shared.Next(1_000_000):x})";
                    await seat.Client.TypeInFormAsync("purrr-room-chat", text, EventTimeout, cancellation);
                    await TimeAsync(seat.Client, observer, c => c.Shows(text), () => seat.Client.SubmitFormAsync("purrr-room-chat", EventTimeout, cancellation), cancellation);
                    Interlocked.Increment(ref messages);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref eventErrors);
                Record($"{(step % 2 == 0 ? "move" : "chat")}: {ex.GetType().Name}: {ex.Message}");
                if (seat.Client.Error is { Length: > 0 })
                    return;
            }
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellation);
        }
    }

    /// <summary>Sends the event and times, from the moment it left, the render that shows it on the sender and on the observer.</summary>
    private async Task TimeAsync(CircuitClient sender, CircuitClient? observer, Func<CircuitClient, bool> shows, Func<Task> send, CancellationToken cancellation)
    {
        var mine = sender.WhenAsync(() => shows(sender), SeenTimeout, cancellation);
        var theirs = observer?.WhenAsync(() => shows(observer), SeenTimeout, cancellation);
        var sent = Stopwatch.GetTimestamp();
        await send();
        try
        {
            var seen = await mine;
            roundTrips.Add(Stopwatch.GetElapsedTime(sent, seen).TotalMilliseconds);
            if (theirs is not null)
                fanOuts.Add(Stopwatch.GetElapsedTime(sent, await theirs).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Not shown within {SeenTimeout.TotalSeconds:0} s on {(mine.IsCompletedSuccessfully ? "the other tab" : "the sender's tab")}: " +
                (sender.TextOf("mud-snackbar-content-message") ?? "no message"));
        }
    }
}
