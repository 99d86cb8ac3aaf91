using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Purrr.Core.Ai;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Moderation;

/// <summary>Pre-moderation through the chat-client abstraction: the offline scorer by default, a configured model when set.</summary>
[Trait("Category", "Integration")]
public sealed class ModerationScorerTests : ServiceTestBase
{
    private static ModerationScorer OfflineScorer => new(new OfflineChatClient(TimeProvider.System, OfflineAiOptions.Instant));

    [Theory]
    [InlineData("What a lovely photo of your kitten!")]
    [InlineData("You are such an idiot, shut up")]
    [InlineData("Click here for free money: crypto giveaway https://spam.example")]
    [InlineData("This toy is stupid but my cat loves it")]
    public async Task Through_the_abstraction_the_offline_engine_scores_exactly_as_the_content_scorer(string text)
    {
        var direct = ContentScorer.Score(text);

        var scored = await OfflineScorer.ScoreAsync(text);

        Assert.Equal(direct.Value, scored.Value);
        Assert.Equal(direct.Reasons, scored.Reasons);
        Assert.Equal(direct.ShouldHold, scored.ShouldHold);
    }

    [Fact]
    public async Task A_post_a_configured_model_scores_at_0_7_is_held_though_the_offline_scorer_would_pass_it()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var model = new ScriptedModel("""Sure! {"score": 0.7, "reasons": ["veiled threat"]}""");
        var posts = new PostService(Database.Factory, Clock, Random, Bus, new PostRenderer(), new ModerationScorer(model));

        var saved = await posts.PublishAsync(luna, null, new PostInput("Neighbours", "I know where your cat sleeps at night.", "", []));

        Assert.Equal(0, ContentScorer.Score("I know where your cat sleeps at night.").Value);
        Assert.Equal(PostStatus.Held, saved.Value.Status);
        Assert.Contains("I know where your cat sleeps", model.LastInput);
        await using var db = Database.NewContext();
        Assert.Equal(0.7, (await db.Posts.SingleAsync()).ModerationScore);
    }

    [Fact]
    public async Task Just_under_the_threshold_a_post_is_published()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var posts = new PostService(Database.Factory, Clock, Random, Bus, new PostRenderer(), new ModerationScorer(new ScriptedModel("""{"score": 0.69, "reasons": []}""")));

        var saved = await posts.PublishAsync(luna, null, new PostInput("Neighbours", "Lovely weather for cats today.", "", []));

        Assert.Equal(PostStatus.Published, saved.Value.Status);
    }

    [Fact]
    public async Task When_the_configured_model_cannot_answer_the_offline_scorer_decides()
    {
        var scorer = new ModerationScorer(new ScriptedModel(null));

        var scored = await scorer.ScoreAsync("You are such an idiot, shut up");

        Assert.Equal(ContentScorer.Score("You are such an idiot, shut up").Value, scored.Value);
        Assert.True(scored.ShouldHold);
    }

    /// <summary>Stands in for a hosted model: answers with a fixed text, or fails like an unreachable endpoint (null).</summary>
    private sealed class ScriptedModel(string? answer) : IChatClient
    {
        public string LastInput { get; private set; } = "";

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastInput = messages.Last().Text;
            return answer is null
                ? Task.FromException<ChatResponse>(new HttpRequestException("Connection refused"))
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
