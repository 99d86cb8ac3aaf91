using Microsoft.Extensions.AI;
using Purrr.Core.Ai;
using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>The post editor's assistant: tags, a one-sentence excerpt and readability, from whichever model is configured.</summary>
public sealed class WritingAssistant(IChatClient chat)
{
    public const int MinimumWords = 5;

    public const string Prompt =
        "You help a member of a cat-care community polish a post. Read the title and body in the user message and answer with one JSON " +
        "object only: {\"tags\": [up to 5 lower-case one-word topic tags], \"summary\": \"one sentence of at most 300 characters\", " +
        "\"readability\": Flesch reading ease 0-100, \"readabilityLabel\": \"Easy\"…, \"hints\": [short concrete suggestions]}.";

    public async Task<Result<WritingSuggestions>> SuggestAsync(string? title, string? body, CancellationToken ct = default)
    {
        var draft = new PostDraftText((title ?? "").Trim(), (body ?? "").Trim());
        if (draft.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinimumWords)
            return Result<WritingSuggestions>.Failure($"Write at least {MinimumWords} words first: the assistant needs something to read.");
        var answer = await AiJson.AskAsync<WritingSuggestions>(chat, AiTask.Writing, Prompt, draft, $"{draft.Title}\n\n{draft.Body}", ct);
        if (answer is null)
            return Result<WritingSuggestions>.Failure("The writing assistant is not available right now. Try again in a moment.");
        // A hosted model's answer is kept to the editor's own limits.
        var tags = (answer.Tags ?? []).Select(t => PostRules.NormaliseTag(t)).Where(t => t.Succeeded).Select(t => t.Value).Distinct().Take(Post.MaxTags).ToList();
        var summary = (answer.Summary ?? "").Trim();
        if (summary.Length > Post.ExcerptMaxLength)
            summary = summary[..(Post.ExcerptMaxLength - 1)].TrimEnd() + "…";
        return new WritingSuggestions(tags, summary, Math.Clamp(answer.Readability, 0, 100), answer.ReadabilityLabel ?? "", answer.Hints ?? []);
    }
}
