using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Ai;
using Purrr.Core.Companion;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.Companion;

[Trait("Category", "Component")]
public sealed class CompanionChatTests : ServiceTestBase
{
    // One second to think and one per word on the test clock: each Advance lets exactly one more word through.
    private static readonly OfflineAiOptions Pace = new() { ThinkingTime = TimeSpan.FromSeconds(1), WordDelay = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task The_cat_is_thinking_then_its_reply_streams_in_word_by_word_and_stays_in_the_conversation()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Playful().Named("Mochi").OwnedBy(luna).Build()))[0];
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddSingleton(Pace));
        var chat = context.Render<CompanionChat>(p => p.Add(c => c.Cat, mochi.Id).Add(c => c.CatName, "Mochi").Add(c => c.Owner, luna));
        chat.WaitForAssertion(() => Assert.Equal("true", chat.Find("section").GetAttribute("data-ready")));
        Assert.Contains("Say hello to Mochi", chat.Find("ol").TextContent);

        chat.Find("input").Input("Hello! My name is Sam.");
        var sending = chat.Find("form").SubmitAsync();

        chat.WaitForAssertion(() => Assert.Equal("Mochi is thinking…", chat.Find("[role=status]").TextContent));
        Assert.Contains("Hello! My name is Sam.", chat.Find("li.player").TextContent); // the player's line shows at once
        int WordsShown() => chat.FindAll("[data-testid=streaming-reply]").SingleOrDefault()?.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

        // The reply's timers start some time after "thinking…" shows: the clock moves in tenths of a word's delay until the
        // next word is on the page, so no advance can land before a timer exists or skip a word.
        void AdvanceUntil(Func<bool> done)
        {
            for (var step = 0; step < 2_000 && !done(); step++)
            {
                Clock.Advance(Pace.WordDelay / 10);
                Thread.Sleep(20);
            }
            Assert.True(done(), "The reply stopped growing.");
        }

        AdvanceUntil(() => WordsShown() >= 1);
        Assert.Equal(1, WordsShown());
        Assert.Equal("", chat.Find("[role=status]").TextContent);
        AdvanceUntil(() => WordsShown() >= 2);
        Assert.Equal(2, WordsShown());
        while (WordsShown() > 0) // one more word per delay until the reply is complete and joins the conversation
        {
            var shown = WordsShown();
            AdvanceUntil(() => WordsShown() > shown || WordsShown() == 0);
        }
        await sending;

        var reply = chat.FindAll("li.cat").Single().TextContent;
        Assert.Contains("I'll remember you, Sam.", reply);
        Assert.Empty(chat.FindAll("[data-testid=streaming-reply]"));
        Assert.Equal("", chat.Find("input").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task An_over_long_message_is_refused_with_the_reason_and_the_text_stays_in_the_box()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Lazy().Named("Mochi").OwnedBy(luna).Build()))[0];
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddSingleton(Pace));
        var chat = context.Render<CompanionChat>(p => p.Add(c => c.Cat, mochi.Id).Add(c => c.CatName, "Mochi").Add(c => c.Owner, luna));
        chat.WaitForAssertion(() => Assert.Equal("true", chat.Find("section").GetAttribute("data-ready")));
        var typed = new string('m', 1200);

        chat.Find("input").Input(typed);
        await chat.Find("form").SubmitAsync();

        chat.WaitForAssertion(() => Assert.Contains("Messages can be at most 1,000 characters (this one has 1,200).", chat.Markup));
        Assert.Equal(typed, chat.Find("input").GetAttribute("value"));
        Assert.Empty(chat.FindAll("li.player"));
        Assert.Equal("", chat.Find("[role=status]").TextContent);
    }
}
