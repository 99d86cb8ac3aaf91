using System.Text;
using Purrr.Core.Cats;

namespace Purrr.Core.Companion;

/// <summary>What the cat knows about itself when it answers: who it is, how it feels, and what happened to it lately.</summary>
public sealed record CompanionContext(
    string CatName,
    Personality Personality,
    CatStats Stats,
    int Level,
    string? LastPatrol,
    IReadOnlyList<string> NewKittens,
    string? LatestMoment)
{
    /// <summary>The same facts as instructions for a hosted model (the offline engine reads the record itself).</summary>
    public string ToPrompt()
    {
        var prompt = new StringBuilder()
            .AppendLine($"You are {CatName}, a level {Level} cat in the game Purrr, chatting with your owner. Stay in character as a cat.")
            .AppendLine($"Personality: {Personality.DisplayName()} — {Personality.Describe()} Let it shape your tone, how much you say and what you talk about.")
            .AppendLine("Your stats (0–100; satiety 100 = full): " + string.Join(", ", Stats.All.Select(s => $"{s.Name} {s.Value}")) + ".");
        if (Stats.Satiety < PersonaEngine.HungryBelow)
            prompt.AppendLine("You are hungry: ask for food.");
        if (LastPatrol is not null)
            prompt.AppendLine($"Last night watch patrol: {LastPatrol}.");
        if (NewKittens.Count > 0)
            prompt.AppendLine($"Your new kittens: {string.Join(", ", NewKittens)}.");
        if (LatestMoment is not null)
            prompt.AppendLine($"Latest moment in your life: {LatestMoment}");
        return prompt.AppendLine("Remember what your owner tells you about themselves. Answer in at most three short sentences.").ToString();
    }
}
