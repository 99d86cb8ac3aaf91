using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Purrr.Core.Community;
using Purrr.Core.Companion;
using Purrr.Core.Moderation;

namespace Purrr.Core.Ai;

/// <summary>How the offline engine paces a streamed reply, so it reads like a cat typing rather than a wall of text.</summary>
public sealed class OfflineAiOptions
{
    /// <summary>The pause before the first word (the "is thinking…" moment).</summary>
    public TimeSpan ThinkingTime { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan WordDelay { get; set; } = TimeSpan.FromMilliseconds(45);

    /// <summary>No pauses: for tests and tools.</summary>
    public static OfflineAiOptions Instant => new() { ThinkingTime = TimeSpan.Zero, WordDelay = TimeSpan.Zero };
}

/// <summary>
/// The default <see cref="IChatClient"/>: runs on the machine with no model and no network. It answers the three tasks the
/// app asks of a model (<see cref="AiTask"/>) with the offline engines: the cat persona, the writing analysis and the
/// content scorer. A hosted model configured instead gets the same messages and reads the prompt text.
/// </summary>
public sealed class OfflineChatClient(TimeProvider clock, OfflineAiOptions? options = null) : IChatClient
{
    public const string ProviderName = "purrr-offline";

    private readonly OfflineAiOptions options = options ?? new OfflineAiOptions();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var reply = Answer(messages.ToList());
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)) { ModelId = ProviderName });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reply = Answer(messages.ToList());
        var id = Guid.NewGuid().ToString("N");
        await Pause(options.ThinkingTime, cancellationToken);
        var words = reply.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
                await Pause(options.WordDelay, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i]) { ResponseId = id, ModelId = ProviderName };
        }
    }

    private Task Pause(TimeSpan delay, CancellationToken ct) => delay > TimeSpan.Zero ? Task.Delay(delay, clock, ct) : Task.CompletedTask;

    private static string Answer(IReadOnlyList<ChatMessage> messages)
    {
        var (task, facts) = AiTask.Of(messages);
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        switch (task, facts)
        {
            case (AiTask.Companion, CompanionContext cat):
                var conversation = messages.Where(m => m.Role == ChatRole.User || m.Role == ChatRole.Assistant)
                    .Select(m => (m.Role == ChatRole.User ? CompanionSpeaker.Player : CompanionSpeaker.Cat, m.Text)).ToList();
                return PersonaEngine.Reply(cat, conversation);
            case (AiTask.Writing, PostDraftText draft):
                return JsonSerializer.Serialize(WritingAnalysis.Analyze(draft.Title, draft.Body), Json);
            case (AiTask.Moderation, _):
                var score = ContentScorer.Score(last);
                return JsonSerializer.Serialize(new ScoredText(score.Value, score.Reasons), Json);
            default:
                return "Mrrp? (The offline engine answers Purrr's own questions only.)";
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(ProviderName)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
