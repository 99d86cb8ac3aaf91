using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;

namespace Purrr.Core.Rooms;

/// <summary>
/// Live rooms as players use them: the database side (who may join, what activities do to cats, chat history, visits)
/// around the in-memory <see cref="RoomRegistry"/>. Moves and typing never touch the database; the energy moves and
/// messages spend is booked with the cat's next activity or when it leaves.
/// </summary>
public sealed class RoomService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, RoomRegistry registry)
{
    public RoomRegistry Registry => registry;

    /// <summary>The player's cats, each with whether it can join a room now and why not.</summary>
    public async Task<IReadOnlyList<RoomCandidate>> CandidatesAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == player).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var busy = await CatAvailability.BusyAsync(db, player, ct);
        return [.. cats.Select(cat =>
        {
            cat.CatchUp(now);
            var why = registry.RoomOf(cat.Id) is { } room ? $"{cat.Name} is in {room.Name}."
                : busy.TryGetValue(cat.Id, out var reason) ? reason
                : RoomRules.WhyCannotJoin(cat)?.Message;
            return new RoomCandidate(cat.Id, cat.Name, cat.Genome, cat.Stats.Energy, cat.Stats.Mood, why);
        })];
    }

    /// <summary>
    /// Brings the cat into a room of <paramref name="type"/> (the fullest with space, or a new one), or into
    /// <paramref name="specific"/>. <paramref name="circuit"/> is the browser tab it came from: when that closes, the cat leaves.
    /// </summary>
    public async Task<Result<RoomKey>> JoinAsync(UserId player, string circuit, CatId catId, RoomType type, RoomKey? specific = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == catId, ct);
        if (cat is null || cat.OwnerId != player)
            return Result<RoomKey>.Failure("Only your own cats can join a room.");
        cat.CatchUp(now);
        if (RoomRules.WhyCannotJoin(cat) is { } problem)
            return Result<RoomKey>.Failure(problem.Message);
        if ((await CatAvailability.BusyAsync(db, player, ct)).TryGetValue(cat.Id, out var busy))
            return Result<RoomKey>.Failure(busy);
        var owner = await db.Players.Where(p => p.Id == player).Select(p => new { p.DisplayName, p.UserName }).FirstAsync(ct);

        var visitId = Guid.CreateVersion7();
        var joined = registry.Join(specific?.Type ?? type, specific, new RoomRegistry.Arrival(cat.Id, cat.Name, cat.Genome, player, owner.DisplayName, owner.UserName, circuit, visitId,
            cat.Stats.Energy, cat.RoomEnergyCost(RoomRules.MoveEnergy), cat.RoomEnergyCost(RoomRules.ChatEnergy)));
        if (!joined.Succeeded)
            return joined;
        var key = joined.Value;
        try
        {
            var keyText = key.ToString();
            var visited = await db.RoomVisits.Where(v => v.PlayerId == player).Select(v => v.RoomKey).Distinct().ToListAsync(ct);
            db.RoomVisits.Add(RoomVisit.Start(visitId, key, cat.Id, player, now));
            db.ActivityEvents.Add(ActivityEvent.Behaviour(player, cat, ActivityKind.RoomVisited, now, await ActivityEvent.OwnerZoneAsync(db, player, ct),
                amount: visited.Union([keyText]).Count()));
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            registry.Leave(cat.Id); // the place was taken but the visit not recorded: give it back
            throw;
        }
        bus.Publish(new ActivityRecorded(player));
        return key;
    }

    /// <summary>Who is in the room and its recent chat, oldest message first.</summary>
    public async Task<RoomView> ViewAsync(RoomKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var keyText = key.ToString();
        var chat = await db.RoomChatMessages.AsNoTracking().Where(m => m.RoomKey == keyText).OrderByDescending(m => m.Id).Take(RoomChatMessage.Kept)
            .Select(m => new ChatMessageView(m.Id, m.CatId, m.CatName, m.PlayerId, m.Text, m.SentAt)).ToListAsync(ct);
        chat.Reverse();
        return new RoomView(key, registry.Members(key) ?? [], chat);
    }

    public async Task<Result<bool>> LeaveAsync(UserId player, CatId cat, CancellationToken ct = default)
    {
        if (registry.RoomOf(cat) is not { } room || registry.Members(room)?.FirstOrDefault(m => m.Cat == cat)?.Owner != player)
            return Result<bool>.Failure("That cat is not in a room.");
        if (registry.Leave(cat) is { } departure)
            await SettleAsync(departure, ct);
        return true;
    }

    /// <summary>A tab closed or lost its connection: its cats leave at once.</summary>
    public async Task LeaveCircuitAsync(string circuit, CancellationToken ct = default)
    {
        foreach (var departure in registry.LeaveCircuit(circuit))
            await SettleAsync(departure, ct);
    }

    public Result<RoomMemberView> Move(UserId player, RoomKey room, CatId cat, int x, int y) => registry.Move(player, room, cat, x, y);

    public Result<bool> Typing(UserId player, RoomKey room, CatId cat) => registry.Typing(player, room, cat);

    public async Task<Result<ChatMessageView>> ChatAsync(UserId player, RoomKey room, CatId cat, string? text, CancellationToken ct = default)
    {
        var clean = RoomRules.CleanMessage(text);
        if (!clean.Succeeded)
            return Result<ChatMessageView>.Failure(clean.Problems);
        await using var db = await dbFactory.CreateAsync(ct);
        if (await Sanctions.WhyRestrictedAsync(db, player, clock.GetUtcNow(), ct) is { } restricted)
            return Result<ChatMessageView>.Failure(restricted.Message); // suspended or banned: nothing sent, the reason shown
        var sender = registry.BeginChat(player, room, cat);
        if (!sender.Succeeded)
            return Result<ChatMessageView>.Failure(sender.Problems);

        var message = RoomChatMessage.Create(room, player, cat, sender.Value.CatName, clean.Value, clock.GetUtcNow());
        db.RoomChatMessages.Add(message);
        await db.SaveChangesAsync(ct);
        var keyText = room.ToString();
        var oldest = await db.RoomChatMessages.Where(m => m.RoomKey == keyText).OrderByDescending(m => m.Id)
            .Skip(RoomChatMessage.Kept).Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (oldest > 0)
            await db.RoomChatMessages.Where(m => m.RoomKey == keyText && m.Id <= oldest).ExecuteDeleteAsync(ct);

        var view = new ChatMessageView(message.Id, cat, message.CatName, player, message.Text, message.SentAt);
        registry.PostChat(room, view);
        return view;
    }

    /// <summary>Does a room activity, alone or with <paramref name="partner"/>; its effect on the cat is saved at once.</summary>
    public async Task<Result<RoomActivityOutcome>> ActAsync(UserId player, RoomKey room, CatId catId, RoomActivity activity, CatId? partner = null, CancellationToken ct = default)
    {
        var ticket = registry.BeginActivity(player, room, catId, activity, partner);
        if (!ticket.Succeeded)
            return Result<RoomActivityOutcome>.Failure(ticket.Problems);
        var (pending, partnerName) = (ticket.Value.PendingEnergy, ticket.Value.PartnerName);

        Result<(Result<RoomActivityOutcome> Outcome, int Energy)> saved;
        try
        {
            saved = await Conflicts.RetryAsync<(Result<RoomActivityOutcome>, int)>(async () =>
            {
                await using var db = await dbFactory.CreateAsync(ct);
                var now = clock.GetUtcNow();
                var cat = await db.Cats.FirstAsync(c => c.Id == catId, ct);
                cat.SpendRoomEnergy(pending, now);
                var outcome = cat.DoInRoom(activity, partnerName, now);
                if (outcome.Succeeded)
                {
                    if (await db.RoomVisits.FindAsync([ticket.Value.Visit], ct) is { } visit)
                        visit.CountActivity();
                    db.ActivityEvents.Add(ActivityEvent.Behaviour(player, cat, ActivityKind.RoomActivityDone, now, await ActivityEvent.OwnerZoneAsync(db, player, ct),
                        amount: (int)activity));
                    CatXp.Award(db, player, cat, outcome.Value.XpGained, now);
                }
                await db.SaveChangesAsync(ct); // a refused activity still books the energy moves and messages spent
                return (outcome, cat.Stats.Energy);
            });
        }
        catch
        {
            registry.ReturnEnergy(catId, pending);
            throw;
        }
        if (!saved.Succeeded)
        {
            registry.ReturnEnergy(catId, pending);
            return Result<RoomActivityOutcome>.Failure(saved.Problems);
        }

        var (result, energy) = saved.Value;
        registry.CompleteActivity(room, catId, activity, result.Succeeded ? partner : null, result.Succeeded ? result.Value.Message : null, energy);
        bus.Publish(new CatChanged(catId, player));
        if (result.Succeeded)
            bus.Publish(new ActivityRecorded(player));
        return result;
    }

    /// <summary>Books what the room still owed the database for a cat that left, and closes its visit.</summary>
    private async Task SettleAsync(RoomRegistry.Departure departure, CancellationToken ct)
    {
        await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            if (await db.RoomVisits.FindAsync([departure.Visit], ct) is { } visit)
                visit.End(now);
            if (departure.PendingEnergy > 0 && await db.Cats.FindAsync([departure.Cat], ct) is { } cat)
                cat.SpendRoomEnergy(departure.PendingEnergy, now);
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
        if (departure.PendingEnergy > 0)
            bus.Publish(new CatChanged(departure.Cat, departure.Owner));
    }
}
