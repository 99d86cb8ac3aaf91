using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>What a post may contain and how its address, reading time and tags are made (spec §8), as plain functions.</summary>
public static partial class PostRules
{
    /// <summary>
    /// Posting limit (spec §2): at most this many posts published per user in any hour. The limiter's policy names it;
    /// the count comes from the stored posts, so the hour survives a restart.
    /// </summary>
    public static int PostsPerHour => Security.RateLimitPolicy.Posting.Limit;

    public static TimeSpan PostingWindow => Security.RateLimitPolicy.Posting.Window;

    /// <summary>More mentions than this in one post reads as spam, and would notify half the site.</summary>
    public const int MaxMentions = 10;

    public const int WordsPerMinute = 200;

    /// <summary>The random part of a slug: short enough to read, 36^6 ≈ 2 billion per title.</summary>
    public const int SlugSuffixLength = 6;

    /// <summary>The readable part of a slug is cut at a word boundary near this length.</summary>
    public const int SlugBaseMaxLength = 80;

    /// <summary>A post can be scheduled at most this far ahead.</summary>
    public static readonly TimeSpan LongestSchedule = TimeSpan.FromDays(365);

    private const string SlugAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// The readable part of a slug: lower-case ASCII letters and digits joined by hyphens, accents dropped
    /// ("Mochi's first snow!" → "mochis-first-snow"); "post" when nothing readable is left.
    /// </summary>
    public static string SlugBase(string? title)
    {
        var builder = new StringBuilder();
        var pendingHyphen = false;
        foreach (var c in (title ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
                continue; // é → e, "cat's" → cats
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                    builder.Append('-');
                pendingHyphen = false;
                builder.Append(lower);
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString();
        if (slug.Length > SlugBaseMaxLength)
        {
            var cut = slug.LastIndexOf('-', SlugBaseMaxLength);
            slug = slug[..(cut > SlugBaseMaxLength / 2 ? cut : SlugBaseMaxLength)];
        }
        return slug.Length == 0 ? "post" : slug;
    }

    /// <summary>
    /// A post's address: <see cref="SlugBase"/> + "-" + <see cref="SlugSuffixLength"/> random letters and digits.
    /// Draws <see cref="SlugSuffixLength"/> integers in [0, 36), one per suffix character, left to right.
    /// </summary>
    public static string NewSlug(string? title, IRandomSource random)
    {
        var suffix = new char[SlugSuffixLength];
        for (var i = 0; i < suffix.Length; i++)
            suffix[i] = SlugAlphabet[random.Next(0, SlugAlphabet.Length)];
        return $"{SlugBase(title)}-{new string(suffix)}";
    }

    /// <summary>Whether <paramref name="slug"/> was made from this title (only its random suffix differs).</summary>
    public static bool SlugFits(string slug, string? title) =>
        slug.Length == SlugBase(title).Length + 1 + SlugSuffixLength && slug.StartsWith(SlugBase(title) + "-", StringComparison.Ordinal);

    /// <summary>Minutes to read: ceil(words / 200). Markdown punctuation is not a word.</summary>
    public static int ReadingMinutes(string? body)
    {
        var words = Word().Count(body ?? "");
        return (words + WordsPerMinute - 1) / WordsPerMinute;
    }

    /// <summary>
    /// One tag as stored: trimmed, lower-case, a leading "#" dropped and inner spaces turned into hyphens. Letters,
    /// digits, "-" and "_" only, at most <see cref="Post.TagMaxLength"/> characters.
    /// </summary>
    public static Result<string> NormaliseTag(string? typed)
    {
        var tag = WhiteSpace().Replace((typed ?? "").Trim().TrimStart('#').Trim().ToLowerInvariant(), "-");
        if (tag.Length == 0)
            return Result<string>.Failure("Type a tag first.", "tags");
        if (tag.Length > Post.TagMaxLength)
            return Result<string>.Failure($"Tags can be at most {Post.TagMaxLength} characters (“{tag}” has {tag.Length}).", "tags");
        if (!TagText().IsMatch(tag))
            return Result<string>.Failure($"Tags use letters, digits, “-” and “_” only: “{tag}” doesn't.", "tags");
        return tag;
    }

    /// <summary>A post's tags: each normalised, duplicates dropped (first spelling kept), at most <see cref="Post.MaxTags"/>.</summary>
    public static Result<IReadOnlyList<string>> NormaliseTags(IEnumerable<string?>? typed)
    {
        var tags = new List<string>();
        foreach (var one in typed ?? [])
        {
            if (string.IsNullOrWhiteSpace(one))
                continue;
            var tag = NormaliseTag(one);
            if (!tag.Succeeded)
                return Result<IReadOnlyList<string>>.Failure(tag.Problems);
            if (!tags.Contains(tag.Value))
                tags.Add(tag.Value);
        }
        if (tags.Count > Post.MaxTags)
            return Result<IReadOnlyList<string>>.Failure($"A post can have at most {Post.MaxTags} tags.", "tags");
        return tags;
    }

    /// <summary>What pressing Enter in the tag box does: adds the typed tag (normalised) unless it is there already.</summary>
    public static Result<IReadOnlyList<string>> AddTag(IReadOnlyList<string> tags, string? typed)
    {
        var tag = NormaliseTag(typed);
        if (!tag.Succeeded)
            return Result<IReadOnlyList<string>>.Failure(tag.Problems);
        if (tags.Contains(tag.Value))
            return Result<IReadOnlyList<string>>.Success(tags);
        if (tags.Count >= Post.MaxTags)
            return Result<IReadOnlyList<string>>.Failure($"A post can have at most {Post.MaxTags} tags: remove one first.", "tags");
        return Result<IReadOnlyList<string>>.Success([.. tags, tag.Value]);
    }

    /// <summary>
    /// Checks what a post will hold: title 1–200, body ≤ 10,000 (and not empty when <paramref name="forReaders"/>),
    /// excerpt ≤ 300, tags. Returns the content trimmed and normalised, or every problem found.
    /// </summary>
    public static Result<PostInput> Validate(PostInput input, bool forReaders)
    {
        var problems = new List<Problem>();
        var title = (input.Title ?? "").Trim();
        var body = (input.Body ?? "").Replace("\r\n", "\n").TrimEnd();
        var excerpt = (input.Excerpt ?? "").Trim();
        if (title.Length == 0)
            problems.Add(new("Give your post a title.", "title"));
        else if (title.Length > Post.TitleMaxLength)
            problems.Add(new($"Titles can be at most {Post.TitleMaxLength} characters (this one has {title.Length:N0}).", "title"));
        if (body.Length > Post.BodyMaxLength)
            problems.Add(new($"Posts can be at most {Post.BodyMaxLength:N0} characters (this one has {body.Length:N0}).", "body"));
        else if (forReaders && body.Trim().Length == 0)
            problems.Add(new("Write something in your post first.", "body"));
        if (excerpt.Length > Post.ExcerptMaxLength)
            problems.Add(new($"Excerpts can be at most {Post.ExcerptMaxLength} characters (this one has {excerpt.Length:N0}).", "excerpt"));
        var tags = NormaliseTags(input.Tags);
        if (!tags.Succeeded)
            problems.AddRange(tags.Problems);
        return problems.Count > 0
            ? Result<PostInput>.Failure(problems)
            : new PostInput(title, body, excerpt, tags.Value, input.CoverImageId);
    }

    /// <summary>Why a post can't be scheduled for <paramref name="at"/>, or null.</summary>
    public static Problem? WhyCannotSchedule(DateTimeOffset at, DateTimeOffset now) =>
        at <= now + TimeSpan.FromMinutes(1) ? new("Pick a time at least a minute from now, or publish now.", "schedule")
        : at > now + LongestSchedule ? new("Posts can be scheduled at most a year ahead.", "schedule")
        : null;

    /// <summary>Why the author can't publish another post now (the hourly limit), or null.</summary>
    public static Problem? WhyOverPostingLimit(int postedInWindow) =>
        postedInWindow >= PostsPerHour
            ? new($"You can publish at most {PostsPerHour} posts an hour. Save this one as a draft or schedule it for later.")
            : null;

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Nd}_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TagText();
}

/// <summary>What the author wrote: the editable part of a post.</summary>
public sealed record PostInput(string Title, string Body, string Excerpt, IReadOnlyList<string> Tags, Guid? CoverImageId = null);
