using System.Text.RegularExpressions;

namespace Purrr.Core.Moderation;

/// <summary>The scorer's verdict: 0 (fine) to 1 (certainly toxic or spam), with the reasons a moderator reads.</summary>
public sealed record ContentScore(double Value, IReadOnlyList<string> Reasons)
{
    /// <summary>At or above this, a post is held for review instead of published (spec §8).</summary>
    public const double HoldThreshold = 0.7;

    public bool ShouldHold => Value >= HoldThreshold;
}

/// <summary>
/// An offline toxicity and spam scorer: word lists, links and repetition. Deterministic and explainable, so a
/// moderator can see why something was held.
/// </summary>
public static partial class ContentScorer
{
    private static readonly string[] Insults = ["idiot", "stupid", "moron", "loser", "dumb", "hate you", "shut up", "kill yourself", "kys", "worthless"];
    private static readonly string[] SpamWords = ["buy now", "free money", "click here", "crypto giveaway", "limited offer", "earn $", "work from home", "casino", "viagra", "100% free"];

    public static ContentScore Score(string? text)
    {
        var content = (text ?? "").ToLowerInvariant();
        if (content.Length == 0)
            return new ContentScore(0, []);
        var reasons = new List<string>();
        var score = 0.0;

        var insults = Insults.Count(content.Contains);
        if (insults > 0)
        {
            score += 0.4 * insults;
            reasons.Add($"{insults} insulting {(insults == 1 ? "phrase" : "phrases")}");
        }
        var spam = SpamWords.Count(content.Contains);
        if (spam > 0)
        {
            score += 0.35 * spam;
            reasons.Add($"{spam} spam {(spam == 1 ? "phrase" : "phrases")}");
        }
        var links = Link().Count(content);
        var words = Math.Max(1, Word().Count(content));
        if (links >= 3 && links * 10 >= words)
        {
            score += 0.4;
            reasons.Add($"{links} links in {words} words");
        }
        var repeated = Word().Matches(content).GroupBy(m => m.Value).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        if (words >= 20 && repeated * 3 >= words)
        {
            score += 0.4;
            reasons.Add("the same word over and over");
        }
        var letters = (text ?? "").Count(char.IsLetter);
        if (letters >= 20 && (text ?? "").Count(char.IsUpper) * 10 >= letters * 8)
        {
            score += 0.2;
            reasons.Add("shouting (mostly capitals)");
        }
        return new ContentScore(Math.Min(1, Math.Round(score, 2)), reasons);
    }

    [GeneratedRegex(@"https?://|www\.", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"[\p{L}\p{N}']+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
