using System.Text.RegularExpressions;

namespace Purrr.Core.Community;

/// <summary>A post as the writing assistant reads it.</summary>
public sealed record PostDraftText(string Title, string Body);

/// <summary>What the writing assistant suggests for a draft: tags, a one-sentence excerpt, and how easy it is to read.</summary>
public sealed record WritingSuggestions(IReadOnlyList<string> Tags, string Summary, int Readability, string ReadabilityLabel, IReadOnlyList<string> Hints);

/// <summary>
/// The offline writing assistant: tags from the words the post leans on (the title counts triple), the sentence that
/// covers most of them as the summary, and the Flesch reading-ease score (0 hard – 100 easy) with concrete hints.
/// </summary>
public static partial class WritingAnalysis
{
    public const int LongSentenceWords = 25;
    public const int LongParagraphWords = 150;
    public const int TooShortWords = 30;

    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "are", "but", "not", "you", "your", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "him", "his",
        "how", "its", "may", "new", "now", "old", "see", "two", "who", "did", "get", "got", "let", "she", "too", "use", "this", "that", "with",
        "have", "from", "they", "will", "would", "there", "their", "what", "about", "which", "when", "make", "like", "time", "just", "know",
        "take", "into", "year", "some", "could", "them", "than", "then", "look", "only", "come", "over", "think", "also", "back", "after",
        "work", "first", "well", "even", "want", "because", "these", "give", "most", "very", "been", "were", "here", "much", "more", "really",
        "every", "where", "while", "still", "each", "other", "should", "doesn", "don", "isn", "didn", "won", "can't", "it's", "i'm", "we're",
        "cat", "cats", "day", "days", "way", "thing", "things", "lot", "lots", "today", "yesterday", "always", "never", "something", "anything", "she's", "he's",
    ];

    public static WritingSuggestions Analyze(string? title, string? body)
    {
        var text = Plain(body ?? "");
        var sentences = Sentences(text);
        var words = Words(text);
        var keywords = Keywords(Words(Plain(title ?? "")), words);
        var (score, label) = Readability(sentences, words);
        return new(SuggestTags(keywords), Summary(sentences, keywords), score, label, Hints(text, sentences, words, score));
    }

    /// <summary>Flesch reading ease, rounded and kept within 0–100, with its usual label.</summary>
    public static (int Score, string Label) Readability(IReadOnlyList<string> sentences, IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return (0, "Nothing to read yet");
        var syllables = words.Sum(Syllables);
        var flesch = 206.835 - 1.015 * words.Count / Math.Max(1, sentences.Count) - 84.6 * syllables / words.Count;
        var score = (int)Math.Round(Math.Clamp(flesch, 0, 100));
        var label = score switch
        {
            >= 90 => "Very easy",
            >= 70 => "Easy",
            >= 60 => "Plain English",
            >= 50 => "Fairly difficult",
            >= 30 => "Difficult",
            _ => "Very difficult",
        };
        return (score, label);
    }

    /// <summary>Vowel groups, less a silent final "e": close enough for English prose.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        var groups = VowelGroup().Count(w);
        if (w.Length > 2 && w.EndsWith('e') && !w.EndsWith("le") && groups > 1)
            groups--;
        return Math.Max(1, groups);
    }

    private static IReadOnlyList<string> SuggestTags(IReadOnlyList<(string Word, double Weight)> keywords) =>
        [.. keywords.Where(k => k.Weight >= 2).Select(k => k.Word).Where(w => PostRules.NormaliseTag(w).Succeeded).Take(Post.MaxTags)];

    /// <summary>Words by weight: how often each appears in the body, plus three for each time in the title.</summary>
    private static List<(string Word, double Weight)> Keywords(IReadOnlyList<string> titleWords, IReadOnlyList<string> bodyWords)
    {
        var weights = new Dictionary<string, double>();
        var order = new Dictionary<string, int>();
        void Count(IEnumerable<string> words, double weight)
        {
            foreach (var word in words.Select(w => w.ToLowerInvariant()).Where(w => w.Length >= 3 && !StopWords.Contains(w)))
            {
                var key = Singular(word);
                weights[key] = weights.GetValueOrDefault(key) + weight;
                order.TryAdd(key, order.Count);
            }
        }
        Count(titleWords, 3);
        Count(bodyWords, 1);
        return [.. weights.OrderByDescending(w => w.Value).ThenBy(w => order[w.Key]).Select(w => (w.Key, w.Value))];
    }

    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith("ies") ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") ? word[..^1]
        : word;

    /// <summary>The sentence with the most weight of the post's recurring keywords (the earliest on a tie), cut to an excerpt's length.</summary>
    private static string Summary(IReadOnlyList<string> sentences, IReadOnlyList<(string Word, double Weight)> keywords)
    {
        if (sentences.Count == 0)
            return "";
        var recurring = keywords.Where(k => k.Weight >= 2).ToDictionary(k => k.Word, k => k.Weight); // words said once are not the topic
        var best = sentences
            .Select((s, i) => (Sentence: s, Index: i, Words: Words(s)))
            .Where(s => s.Words.Count >= 4 || sentences.Count == 1)
            .OrderByDescending(s => s.Words.Select(w => Singular(w.ToLowerInvariant())).Distinct().Sum(w => recurring.GetValueOrDefault(w)))
            .ThenBy(s => s.Index)
            .Select(s => s.Sentence)
            .FirstOrDefault() ?? sentences[0];
        if (best.Length <= Post.ExcerptMaxLength)
            return best;
        var cut = best[..(Post.ExcerptMaxLength - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > 0 ? cut[..space] : cut).TrimEnd(',', ';', ':') + "…";
    }

    private static IReadOnlyList<string> Hints(string text, IReadOnlyList<string> sentences, IReadOnlyList<string> words, int score)
    {
        var hints = new List<string>();
        if (words.Count < TooShortWords)
            hints.Add($"Only {words.Count} words: a few more sentences help readers (and the assistant) see what the post is about.");
        var longOnes = sentences.Where(s => Words(s).Count > LongSentenceWords).ToList();
        if (longOnes.Count > 0)
        {
            var start = string.Join(' ', Words(longOnes[0]).Take(5));
            hints.Add(longOnes.Count == 1
                ? $"One sentence has more than {LongSentenceWords} words (“{start}…”): split it in two."
                : $"{longOnes.Count} sentences have more than {LongSentenceWords} words (the first starts “{start}…”): split them.");
        }
        var longParagraphs = text.Split("\n\n").Count(p => Words(p).Count > LongParagraphWords);
        if (longParagraphs > 0)
            hints.Add($"Break up long paragraphs: {longParagraphs} {(longParagraphs == 1 ? "has" : "have")} more than {LongParagraphWords} words.");
        if (words.Count > 0 && score < 50)
            hints.Add("Prefer shorter words and sentences: the text reads as difficult.");
        if (hints.Count == 0)
            hints.Add("Reads well: nothing to fix.");
        return hints;
    }

    /// <summary>Markdown down to prose: code, images, link targets, cat embeds and markup characters removed.</summary>
    private static string Plain(string markdown)
    {
        var text = CodeBlock().Replace(markdown, " ");
        text = Image().Replace(text, " ");
        text = Link().Replace(text, "$1");
        text = Embed().Replace(text, " ");
        text = Markup().Replace(text, "");
        return text.Replace("\r\n", "\n").Trim();
    }

    private static IReadOnlyList<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Select(s => WhiteSpace().Replace(s, " ").Trim()).Where(s => Words(s).Count > 0)];

    private static IReadOnlyList<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n\s*\n|\n(?=\s*[-*+]\s)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex Word();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"```[\s\S]*?```|`[^`]*`")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[\[cat:[^\]]*\]\]")]
    private static partial Regex Embed();

    [GeneratedRegex(@"(?m)^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+|[*_~]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
