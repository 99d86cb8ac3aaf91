using Purrr.Core.Ai;
using Purrr.Core.Common;
using Purrr.Core.Companion;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Companion;

[Trait("Category", "Integration")]
public sealed class CompanionChatServiceTests : ServiceTestBase
{
    private CompanionChatService Chat => chat ??= new(Database.Factory, new OfflineChatClient(Clock, OfflineAiOptions.Instant), Clock);
    private CompanionChatService? chat;

    private static Func<string, Task> Ignore => _ => Task.CompletedTask;

    private async Task<(UserId Owner, CatId Cat)> PlayerWithCatAsync(Func<ACat, ACat>? shape = null)
    {
        var owner = await NewPlayerAsync(Names.Unique("owner"));
        var cat = (await Database.AddCatsAsync((shape ?? (c => c))(ACat.Playful().Named("Mochi").OwnedBy(owner)).Build()))[0];
        return (owner, cat.Id);
    }

    [Fact]
    public async Task The_reply_streams_word_by_word_and_both_lines_are_kept_in_order()
    {
        var (owner, cat) = await PlayerWithCatAsync();
        var words = new List<string>();

        var sent = await Chat.SendAsync(owner, cat, "  Hello Mochi!  ", w => { words.Add(w); return Task.CompletedTask; });

        Assert.True(sent.Succeeded, sent.FirstMessage);
        Assert.True(words.Count > 3);
        Assert.Equal(sent.Value.Reply.Text, string.Concat(words));
        var history = await new CompanionChatService(Database.Factory, new OfflineChatClient(Clock, OfflineAiOptions.Instant), Clock).HistoryAsync(owner, cat);
        Assert.Equal([(CompanionSpeaker.Player, "Hello Mochi!"), (CompanionSpeaker.Cat, sent.Value.Reply.Text)],
            history.Value.Select(l => (l.Speaker, l.Text)));
    }

    [Fact]
    public async Task The_cat_recalls_a_name_from_the_stored_conversation()
    {
        var (owner, cat) = await PlayerWithCatAsync();
        await Chat.SendAsync(owner, cat, "Hi, my name is Sam", Ignore);
        await Chat.SendAsync(owner, cat, "Do you want to play?", Ignore);

        var asked = await Chat.SendAsync(owner, cat, "What is my name?", Ignore);

        Assert.Contains("You're Sam", asked.Value.Reply.Text);
    }

    [Fact]
    public async Task A_hungry_cat_asks_for_food()
    {
        var (owner, cat) = await PlayerWithCatAsync(c => c.WithStats(s => s with { Satiety = 20 }));

        var sent = await Chat.SendAsync(owner, cat, "What are you up to?", Ignore);

        Assert.Contains("feed me", sent.Value.Reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "Write something to say to your cat first.")]
    [InlineData("   ", "Write something to say to your cat first.")]
    public async Task An_empty_message_is_refused_and_nothing_is_stored(string typed, string message)
    {
        var (owner, cat) = await PlayerWithCatAsync();

        var sent = await Chat.SendAsync(owner, cat, typed, Ignore);

        Assert.Equal(message, sent.FirstMessage);
        Assert.Empty((await Chat.HistoryAsync(owner, cat)).Value);
    }

    [Fact]
    public async Task A_5000_character_message_is_refused_and_nothing_is_stored()
    {
        var (owner, cat) = await PlayerWithCatAsync();

        var sent = await Chat.SendAsync(owner, cat, new string('a', 5000), Ignore);

        Assert.Equal("Messages can be at most 1,000 characters (this one has 5,000).", sent.FirstMessage);
        Assert.Empty((await Chat.HistoryAsync(owner, cat)).Value);
    }

    [Fact]
    public async Task Nobody_chats_with_or_reads_the_chat_of_another_players_cat()
    {
        var (owner, cat) = await PlayerWithCatAsync();
        await Chat.SendAsync(owner, cat, "Hello", Ignore);
        var stranger = await NewPlayerAsync("stranger");

        var sent = await Chat.SendAsync(stranger, cat, "Hello, kitty", Ignore);
        var read = await Chat.HistoryAsync(stranger, cat);

        Assert.Equal("You can chat only with your own cats.", sent.FirstMessage);
        Assert.Equal("You can chat only with your own cats.", read.FirstMessage);
        Assert.Equal(2, (await Chat.HistoryAsync(owner, cat)).Value.Count);
    }

    [Fact]
    public async Task The_61st_message_in_a_minute_is_refused_until_the_minute_has_passed()
    {
        var (owner, cat) = await PlayerWithCatAsync();
        for (var i = 0; i < 60; i++)
            Assert.True((await Chat.SendAsync(owner, cat, $"Message {i}", Ignore)).Succeeded);

        var refused = await Chat.SendAsync(owner, cat, "One more", Ignore);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await Chat.SendAsync(owner, cat, "One more", Ignore);

        Assert.StartsWith("Slow down: at most 60 messages a minute.", refused.FirstMessage);
        Assert.True(later.Succeeded);
        Assert.Equal(CompanionRules.ShownLines, (await Chat.HistoryAsync(owner, cat)).Value.Count); // 122 stored, the newest 50 shown
    }

    [Fact]
    public async Task A_tab_closed_mid_reply_stops_the_cat_and_keeps_what_the_player_said()
    {
        var (owner, cat) = await PlayerWithCatAsync();
        using var closing = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Chat.SendAsync(owner, cat, "Tell me a long story", _ => { closing.Cancel(); return Task.CompletedTask; }, closing.Token));

        Assert.Equal([(CompanionSpeaker.Player, "Tell me a long story")], (await Chat.HistoryAsync(owner, cat)).Value.Select(l => (l.Speaker, l.Text)));
    }
}
