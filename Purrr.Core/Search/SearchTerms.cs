using System.Text.RegularExpressions;
using Purrr.Core.Common;

namespace Purrr.Core.Search;

/// <summary>
/// The words of a search box, reduced to letters and digits: whatever a player types (quotes, FTS operators, SQL
/// wildcards) can only ever become plain words that each result must contain.
/// </summary>
public sealed partial class SearchTerms
{
    public const int MaxQueryLength = 200;
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    private SearchTerms(string text, IReadOnlyList<string> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>What the player typed, trimmed (for the search box and the page title).</summary>
    public string Text { get; }

    /// <summary>Lower-case, distinct, in the order typed.</summary>
    public IReadOnlyList<string> Words { get; }

    public static Result<SearchTerms> Parse(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength)
            return Result<SearchTerms>.Failure($"A search can be at most {MaxQueryLength} characters.", "q");
        var words = Word().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct()
            .Take(MaxWords)
            .ToList();
        return words.Count == 0
            ? Result<SearchTerms>.Failure("Type a word to search for.", "q")
            : new SearchTerms(text, words);
    }

    /// <summary>
    /// An FTS5 MATCH expression: every word as a quoted string (so AND, OR, NOT, NEAR, column filters and * in the
    /// input are just words), all required. Whole words only (the index stems them: "whisker" finds "whiskers"); prefix
    /// queries cost a merge of every matching term and are left out.
    /// </summary>
    public string ToFtsMatch() => string.Join(" ", Words.Select(Quote));

    /// <summary>A SQL Server CONTAINS condition for one word (quoted, so it is a plain term).</summary>
    public string ToContainsCondition(int wordIndex) => Quote(Words[wordIndex]);

    /// <summary>A LIKE pattern finding the word anywhere, with LIKE's wildcards escaped by <see cref="LikeEscape"/>.</summary>
    public static string ToLikePattern(string word) =>
        "%" + word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[") + "%";

    public const string LikeEscape = @"\";

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";

    // Letters (with their combining marks) and digits; everything else separates words, as FTS5's unicode61 tokenizer does.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
