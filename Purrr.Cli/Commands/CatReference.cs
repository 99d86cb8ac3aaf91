using System.Globalization;
using System.Text.Json;
using Purrr.Cli.Output;

namespace Purrr.Cli.Commands;

/// <summary>
/// How commands name one of your cats: its id, its number in <c>purrr cats</c> (1, 2, 3 …), or its name. Numbers and
/// names are looked up in your cat list, so <c>purrr nightwatch deploy 1 3 5</c> means the first, third and fifth.
/// </summary>
public static class CatReference
{
    public const string Help = "A cat: its number in `purrr cats`, its name or its id";

    /// <summary>The ids of the cats <paramref name="references"/> name, in order; the list is fetched only when needed.</summary>
    public static async Task<IReadOnlyList<string>> ResolveAsync(PurrrApi api, IReadOnlyList<string> references, CancellationToken ct)
    {
        JsonElement[]? mine = null;
        var ids = new List<string>();
        foreach (var reference in references)
        {
            if (Guid.TryParse(reference, out var id))
            {
                ids.Add(id.ToString());
                continue;
            }
            mine ??= [.. (await api.GetAsync("cats", ct).ConfigureAwait(false)).Items()];
            ids.Add(Find(mine, reference));
        }
        return ids;
    }

    public static async Task<string> ResolveAsync(PurrrApi api, string reference, CancellationToken ct) =>
        (await ResolveAsync(api, [reference], ct).ConfigureAwait(false))[0];

    /// <summary>The id of the cat <paramref name="reference"/> names among <paramref name="cats"/> (as <c>purrr cats</c> lists them).</summary>
    public static string Find(IReadOnlyList<JsonElement> cats, string reference)
    {
        const string SeeCats = "Run `purrr cats` to see your cats with their numbers.";
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= 1 && number <= cats.Count
                ? cats[number - 1].Text("id")
                : throw new UsageException(cats.Count == 0 ? "You have no cats yet." : $"There is no cat number {number}: you have {Plural(cats.Count, "cat")}.", SeeCats);
        var named = cats.Where(cat => string.Equals(cat.Text("name"), reference.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count switch
        {
            1 => named[0].Text("id"),
            0 => throw new UsageException($"You have no cat named '{reference}'.", SeeCats),
            _ => throw new UsageException($"You have {named.Count} cats named '{reference}': use its number or id.", SeeCats),
        };
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
