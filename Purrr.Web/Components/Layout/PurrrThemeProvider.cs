using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

// RenderTreeFrame: reading back the frames the base component renders, to share them only if they are plain markup.
#pragma warning disable BL0006

namespace Purrr.Web.Components.Layout;

/// <summary>
/// MudThemeProvider whose CSS (scrollbar, charts, ~12,000 characters of theme variables) is shared by every circuit.
/// MudThemeProvider builds that string on each render and every circuit kept its own copies in its render tree (~50 KB
/// a circuit, a dump of idle circuits showed). Here each render's CSS is swapped for the one shared instance with the
/// same text (one per theme and mode), so only that stays referenced; markup and behaviour are unchanged.
/// </summary>
public sealed class PurrrThemeProvider : MudThemeProvider
{
    /// <summary>Light and dark (and any theme changed at run time): a handful; past this the cache starts over.</summary>
    private const int MaxEntries = 16;

    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        using var own = new RenderTreeBuilder();
        base.BuildRenderTree(own);
        var frames = own.GetFrames();
        // Only static markup can be shared; should a MudBlazor update render anything else, render as it does.
        if (Enumerable.Range(0, frames.Count).Any(i => frames.Array[i].FrameType != RenderTreeFrameType.Markup))
        {
            base.BuildRenderTree(builder);
            return;
        }
        var css = string.Concat(Enumerable.Range(0, frames.Count).Select(i => frames.Array[i].MarkupContent));
        if (Shared.Count >= MaxEntries)
            Shared.Clear();
        builder.AddMarkupContent(0, Shared.GetOrAdd(css, css));
    }
}
