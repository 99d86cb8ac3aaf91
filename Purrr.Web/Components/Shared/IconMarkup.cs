using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Purrr.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as the SVG markup MudIcon renders, for layout parts and static pages that every tab carries: one
/// markup frame instead of a component that keeps its own render tree for the circuit's life.
/// </summary>
public static class IconMarkup
{
    /// <param name="icon">A MudBlazor icon (<c>Icons.Material.Filled.…</c>): the inside of a 24×24 SVG.</param>
    /// <param name="size">MudIcon's Size.</param>
    /// <param name="classes">More classes, e.g. <c>mud-primary-text</c>.</param>
    public static MarkupString Of(string icon, Size size = Size.Medium, string? classes = null) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon{(classes is null ? "" : " " + classes)} mud-icon-size-{SizeName(size)}\" focusable=\"false\" " +
        $"viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");

    private static string SizeName(Size size) => size switch
    {
        Size.Small => "small",
        Size.Large => "large",
        _ => "medium",
    };
}
