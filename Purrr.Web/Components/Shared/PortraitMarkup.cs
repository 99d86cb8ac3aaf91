using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Purrr.Core.Genetics;

namespace Purrr.Web.Components.Shared;

/// <summary>
/// <see cref="CatPortrait"/>'s markup, rendered once per (genome, name, size) and shared by every circuit. A live
/// portrait keeps ~150 render-tree frames (and their attribute strings) per circuit for as long as it is on screen;
/// a picture that never changes needs none of that: one markup frame pointing at this shared string does the same.
/// </summary>
public static class PortraitMarkup
{
    /// <summary>Enough for every cat on the busiest pages; past it the cache starts over (the strings are cheap to make).</summary>
    private const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<(string Genome, string? Name, int Size), MarkupString> Cache = new();
    private static readonly Lock RenderLock = new();
    private static readonly HtmlRenderer Renderer = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    public static MarkupString For(Genome genome, string? name, int size)
    {
        var key = (genome.ToCode(), name, size);
        if (Cache.TryGetValue(key, out var markup))
            return markup;
        if (Cache.Count >= MaxEntries)
            Cache.Clear();
        lock (RenderLock)
        {
            // CatPortrait renders synchronously (no async lifecycle, no services), so this completes at once.
            var html = Renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await Renderer.RenderComponentAsync<CatPortrait>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(CatPortrait.Genome)] = genome,
                    [nameof(CatPortrait.Name)] = name,
                    [nameof(CatPortrait.Size)] = size,
                }));
                return output.ToHtmlString();
            }).GetAwaiter().GetResult();
            return Cache.GetOrAdd(key, new MarkupString(html));
        }
    }
}
