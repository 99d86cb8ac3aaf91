using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Purrr.Core.Security;
using Purrr.Core.Ai;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;
using Purrr.Core.Rooms;

namespace Purrr.Core.Companion;

/// <summary>
/// Chatting with one's own cat: checks the message, keeps the history per cat, and streams the cat's answer from the
/// configured <see cref="IChatClient"/> (the offline persona engine by default) word by word.
/// </summary>
public sealed class CompanionChatService(IPurrrDbFactory dbFactory, IChatClient chat, TimeProvider clock, RateLimits? rateLimits = null)
{
    private readonly RateLimits limits = rateLimits ?? new RateLimits(clock);

    /// <summary>The newest lines of the chat with <paramref name="cat"/>, oldest first.</summary>
    public async Task<Result<IReadOnlyList<CompanionLine>>> HistoryAsync(UserId player, CatId cat, int count = CompanionRules.ShownLines, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Cats.AnyAsync(c => c.Id == cat && c.OwnerId == player, ct))
            return Result<IReadOnlyList<CompanionLine>>.Failure(CompanionRules.NotYourCat);
        var lines = await RecentAsync(db, player, cat, count, ct);
        return lines;
    }

    /// <summary>
    /// Sends the player's message and streams the reply through <paramref name="onWord"/> as it comes; returns the stored
    /// reply. A refused message (empty, too long, not your cat, too many) stores nothing. The player's line is stored
    /// before the cat answers, so it is kept even when the model fails half-way.
    /// </summary>
    public async Task<Result<CompanionExchange>> SendAsync(UserId player, CatId catId, string? typed, Func<string, Task> onWord, CancellationToken ct = default)
    {
        var text = CompanionRules.Validate(typed);
        if (!text.Succeeded)
            return Result<CompanionExchange>.Failure(text.Problems);

        CompanionContext context;
        List<CompanionLine> remembered;
        CompanionMessage said;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == catId && c.OwnerId == player, ct);
            if (cat is null)
                return Result<CompanionExchange>.Failure(CompanionRules.NotYourCat);
            if (limits.TryAct(RateLimitPolicy.CompanionChat, player) is { } slowDown)
                return Result<CompanionExchange>.Failure([slowDown]);

            var now = clock.GetUtcNow();
            cat.CatchUp(now);
            context = await ContextAsync(db, cat, ct);
            remembered = await RecentAsync(db, player, catId, CompanionRules.RememberedLines, ct);
            said = CompanionMessage.Create(catId, player, CompanionSpeaker.Player, text.Value, now);
            db.CompanionMessages.Add(said);
            await db.SaveChangesAsync(ct);
        }

        var messages = new List<ChatMessage> { AiTask.System(AiTask.Companion, context.ToPrompt(), context) };
        messages.AddRange(remembered.Select(l => new ChatMessage(l.Speaker == CompanionSpeaker.Player ? ChatRole.User : ChatRole.Assistant, l.Text)));
        messages.Add(new ChatMessage(ChatRole.User, text.Value));

        var reply = new StringBuilder();
        try
        {
            await foreach (var update in chat.GetStreamingResponseAsync(messages, cancellationToken: ct))
            {
                if (string.IsNullOrEmpty(update.Text))
                    continue;
                reply.Append(update.Text);
                await onWord(update.Text);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Result<CompanionExchange>.Failure($"{context.CatName} lost the thread (the chat model did not answer). Your message is kept: try again.", CompanionRules.ReplyFailedField);
        }

        var answer = reply.ToString().Trim();
        if (answer.Length == 0)
            answer = "*purrs*";
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var line = CompanionMessage.Create(catId, player, CompanionSpeaker.Cat, answer, clock.GetUtcNow());
            db.CompanionMessages.Add(line);
            await db.SaveChangesAsync(ct);
            return new CompanionExchange(CompanionLine.Of(said), CompanionLine.Of(line));
        }
    }

    private static async Task<List<CompanionLine>> RecentAsync(IPurrrDb db, UserId player, CatId cat, int count, CancellationToken ct)
    {
        var newest = await db.CompanionMessages.AsNoTracking()
            .Where(m => m.CatId == cat && m.PlayerId == player)
            .OrderByDescending(m => m.Id).Take(count)
            .Select(m => new CompanionLine(m.Id, m.Speaker, m.Text, m.At))
            .ToListAsync(ct);
        newest.Reverse();
        return newest;
    }

    /// <summary>What the cat knows of its recent life: its last patrol, kittens born in the last 30 days, its latest moment.</summary>
    private async Task<CompanionContext> ContextAsync(IPurrrDb db, Cat cat, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromDays(30);
        var patrol = await db.PatrolCats.AsNoTracking().Where(pc => pc.CatId == cat.Id)
            .Join(db.Patrols.Where(p => p.Status != PatrolStatus.Active), pc => pc.PatrolId, p => p.Id, (pc, p) => new { p.StartedAt, p.StraysRescued, p.StraysSheltered, pc.Deterrences })
            .OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(ct);
        var kittens = await db.Cats.AsNoTracking().Where(k => (k.MotherId == cat.Id || k.FatherId == cat.Id) && k.CreatedAt >= since)
            .OrderBy(k => k.CreatedAt).Select(k => k.Name).Take(6).ToListAsync(ct);
        var moment = await db.CatEvents.AsNoTracking().Where(e => e.CatId == cat.Id).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefaultAsync(ct);
        string? lastPatrol = patrol is null ? null
            : $"chased off {Count(patrol.Deterrences, "threat")} and saved {Count(patrol.StraysRescued + patrol.StraysSheltered, "stray")}";
        return new CompanionContext(cat.Name, cat.Personality, cat.Stats, cat.Level, lastPatrol, kittens, moment);
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
