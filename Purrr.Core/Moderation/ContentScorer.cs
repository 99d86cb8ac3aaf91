using System.Text;
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
/// moderator can see why something was held. Words match whole (so "closer" is not "loser"), after undoing the usual
/// disguises ("1d10t", "stuuupid"). Weights are chosen so that one of these alone holds a post: a threat, an insult
/// aimed at someone, two insults, two spam phrases or one with a link, a flood of links; while a mild word, one link or
/// an excited capitalised line does not.
/// </summary>
public static partial class ContentScorer
{
    public const double ThreatWeight = 0.8;
    public const double InsultWeight = 0.35;
    public const double MildInsultWeight = 0.2;
    public const double AimedAtSomeoneWeight = 0.5;
    public const double SpamPhraseWeight = 0.35;
    public const double SpamWithLinkWeight = 0.35;
    public const double LinkFloodWeight = 0.7;
    public const double ManyLinksWeight = 0.4;
    public const double RepetitionWeight = 0.4;
    public const double ShoutingWeight = 0.2;

    private static readonly string[] Threats = ["kill yourself", "kys", "go die", "hope you die", "i will kill you", "drink bleach"];

    private static readonly string[] Insults =
    [
        "idiot", "idiots", "moron", "morons", "loser", "losers", "imbecile", "worthless", "pathetic", "scum", "retard", "retarded",
        "asshole", "bitch", "bastard", "cunt", "dickhead", "piece of shit", "fuck you", "fuck off", "screw you", "hate you",
    ];

    private static readonly string[] MildInsults = ["stupid", "dumb", "shut up", "jerk", "fuck", "fucking", "shit"];

    private static readonly string[] SpamPhrases =
    [
        "buy now", "free money", "click here", "crypto giveaway", "limited offer", "earn $", "work from home", "casino", "viagra", "100% free",
        "dm me", "whatsapp", "telegram me", "double your", "guaranteed income", "investment opportunity", "free followers", "cheap meds",
        "act now", "make money fast",
    ];

    private static readonly Regex ThreatPattern = Phrases(Threats);
    private static readonly Regex InsultPattern = Phrases(Insults);
    private static readonly Regex MildPattern = Phrases(MildInsults);
    private static readonly Regex SpamPattern = Phrases(SpamPhrases);

    // "you idiot", "you are such a loser", "ur so dumb", "you're a total moron" (an insult aimed at someone, not at a toy).
    private static readonly Regex AimedAtSomeone = new(
        @"\b(?:you|u|ur|you're|youre)(?: (?:are|r|re))?(?: (?:a|an|so|such|the|total|complete|absolute|utter|fucking|little|big|stupid|dumb))* (?:"
        + string.Join("|", Insults.Concat(MildInsults).Where(w => !w.Contains(' ')).Select(Regex.Escape)) + @")\b",
        RegexOptions.CultureInvariant);

    public static ContentScore Score(string? text)
    {
        var original = text ?? "";
        if (original.Trim().Length == 0)
            return new ContentScore(0, []);
        var reasons = new List<string>();
        var score = 0.0;
        void Add(double weight, string reason)
        {
            score += weight;
            reasons.Add(reason);
        }

        var lower = original.ToLowerInvariant();
        var links = Link().Count(lower);
        var tokens = Word().Matches(Link().Replace(lower, " ")).Select(m => Undisguise(m.Value)).ToList(); // words outside links
        var words = Math.Max(1, tokens.Count);
        var plain = string.Join(' ', tokens); // one space between words: phrases match across line breaks and punctuation

        var threats = Distinct(ThreatPattern, plain);
        if (threats.Count > 0)
            Add(ThreatWeight * threats.Count, $"threatening or self-harm wording ({string.Join(", ", threats)})");

        var insults = Distinct(InsultPattern, plain);
        var mild = Distinct(MildPattern, plain).Where(m => !insults.Any(i => i.Contains(m))).ToList(); // "fuck you" is not also "fuck"
        if (insults.Count + mild.Count > 0)
            Add(InsultWeight * insults.Count + MildInsultWeight * mild.Count, $"insulting words ({string.Join(", ", insults.Concat(mild))})");
        if (AimedAtSomeone.IsMatch(plain))
            Add(AimedAtSomeoneWeight, "an insult aimed at someone");

        var spam = Distinct(SpamPattern, lower);
        if (spam.Count > 0)
        {
            Add(SpamPhraseWeight * spam.Count, $"spam phrases ({string.Join(", ", spam)})");
            if (links > 0)
                Add(SpamWithLinkWeight, "a spam phrase with a link");
        }

        if (links >= 3 && links * 5 >= words) // a link for every five words or fewer: a list of links, not a post
            Add(LinkFloodWeight, $"{links} links in {words} words");
        else if (links >= 10)
            Add(ManyLinksWeight, $"{links} links");

        if (IsRepetitive(tokens, original))
            Add(RepetitionWeight, "the same words over and over");

        var letters = original.Count(char.IsLetter);
        if (letters >= 20 && original.Count(char.IsUpper) * 10 >= letters * 8)
            Add(ShoutingWeight, "shouting (mostly capitals)");

        return new ContentScore(Math.Min(1, Math.Round(score, 2)), reasons);
    }

    /// <summary>One word at least a third of 20+ words, or one line (of some length) three times or more.</summary>
    private static bool IsRepetitive(IReadOnlyList<string> tokens, string text)
    {
        if (tokens.Count >= 20 && tokens.Where(t => t.Length >= 3).GroupBy(t => t).Select(g => g.Count()).DefaultIfEmpty(0).Max() * 3 >= tokens.Count)
            return true;
        return text.Split('\n').Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length >= 10)
            .GroupBy(l => l).Any(g => g.Count() >= 3);
    }

    /// <summary>Undoes look-alike digits and symbols in words that also have letters ("1d10t"), and stretched letters ("stuuupid").</summary>
    private static string Undisguise(string token)
    {
        if (token.Any(char.IsLetter) && token.Any(c => !char.IsLetter(c) && c != '\''))
        {
            var plain = new StringBuilder(token.Length);
            foreach (var c in token)
                plain.Append(c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' or '@' => 'a', '5' or '$' => 's', '7' => 't', _ => c });
            token = plain.ToString();
        }
        return Stretched().Replace(token, "$1");
    }

    private static List<string> Distinct(Regex pattern, string text) =>
        [.. pattern.Matches(text).Select(m => m.Value).Distinct()];

    /// <summary>Any of the phrases as whole words (a phrase ending in a symbol, like "earn $", may run into a number).</summary>
    private static Regex Phrases(IEnumerable<string> phrases) => new(
        string.Join("|", phrases.OrderByDescending(p => p.Length).Select(p =>
            @"(?<![\p{L}\p{N}])" + Regex.Escape(p) + (char.IsLetterOrDigit(p[^1]) ? @"(?![\p{L}\p{N}])" : ""))),
        RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(?:https?://|www\.)[^\s)\]]*", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // Letters, digits and the symbols people swap for letters; apostrophes keep "you're" one word.
    [GeneratedRegex(@"[\p{L}\p{N}'@$]*[\p{L}\p{N}][\p{L}\p{N}'@$]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"(\p{L})\1{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Stretched();
}
