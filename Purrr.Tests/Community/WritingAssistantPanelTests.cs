using Bunit;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Community;

namespace Purrr.Tests.Community;

[Trait("Category", "Component")]
public sealed class WritingAssistantPanelTests
{
    private const string Body = "Senior cats need softer food and smaller meals. I switched Mochi to wet food twice a day. Her weight is stable again.";

    [Fact]
    public async Task Suggestions_show_on_request_and_each_applies_with_one_click()
    {
        await using var context = ComponentTestContext.Create();
        IReadOnlyList<string>? usedTags = null;
        string? usedSummary = null;
        var panel = context.Render<WritingAssistantPanel>(p => p
            .Add(c => c.Title, "Feeding a senior cat").Add(c => c.Body, Body)
            .Add(c => c.OnUseTags, tags => usedTags = tags).Add(c => c.OnUseSummary, summary => usedSummary = summary));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Suggest tags, excerpt and readability").Click();

        panel.WaitForAssertion(() => Assert.Equal(["#senior", "#feeding", "#food"], panel.FindAll("ul[aria-label='Suggested tags'] li").Select(li => li.TextContent.Trim()).Take(3)));
        Assert.Equal("Senior cats need softer food and smaller meals.", panel.Find("q.summary").TextContent.Trim());
        Assert.Matches(@"^\d+ / 100 · (Very easy|Easy|Plain English)$", panel.Find(".score").TextContent.Trim());

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Add these tags").Click();
        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Use as excerpt").Click();

        Assert.Equal(["senior", "feeding", "food"], usedTags!.Take(3));
        Assert.Equal("Senior cats need softer food and smaller meals.", usedSummary);
    }

    [Fact]
    public async Task Too_little_text_gets_a_clear_message_and_no_suggestions()
    {
        await using var context = ComponentTestContext.Create();
        var panel = context.Render<WritingAssistantPanel>(p => p.Add(c => c.Title, "Hi").Add(c => c.Body, "Just a test"));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Suggest tags, excerpt and readability").Click();

        panel.WaitForAssertion(() => Assert.Equal("Write at least 5 words first: the assistant needs something to read.", panel.Find("[role=alert]").TextContent.Trim()));
        Assert.Empty(panel.FindAll(".suggestions"));
    }
}
