using Microsoft.Extensions.AI;
using Purrr.Core.Ai;

namespace Purrr.Core.Moderation;

/// <summary>A model's verdict on a text, as it travels as JSON.</summary>
public sealed record ScoredText(double Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Pre-moderation scoring through the configured model (the offline <see cref="ContentScorer"/> by default, so a stronger
/// model can be plugged in by configuration). The hold threshold stays <see cref="ContentScore.HoldThreshold"/>. When
/// a hosted model cannot answer, the offline scorer decides: publishing never waits on an outage.
/// </summary>
public sealed class ModerationScorer(IChatClient chat)
{
    public const string Prompt =
        "You moderate a friendly cat-care community. Score the user message for toxicity, harassment, threats and spam from 0 (fine) " +
        "to 1 (certainly unacceptable). Answer with one JSON object only: {\"score\": number, \"reasons\": [short reasons]}.";

    /// <summary>Scores with the offline scorer directly, for code built without a model (tests, tools).</summary>
    public static readonly ModerationScorer Offline = new(new OfflineChatClient(TimeProvider.System, OfflineAiOptions.Instant));

    public async Task<ContentScore> ScoreAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ContentScorer.Score(text);
        var answer = await AiJson.AskAsync<ScoredText>(chat, AiTask.Moderation, Prompt, text, text, ct);
        return answer is null ? ContentScorer.Score(text) : new ContentScore(Math.Clamp(Math.Round(answer.Score, 2), 0, 1), answer.Reasons ?? []);
    }
}
