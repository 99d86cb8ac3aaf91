using MudBlazor;

namespace Purrr.Web.Components.Layout;

/// <summary>Purrr's look: warm plum and apricot, rounded, with the system font stack (works offline).</summary>
public static class PurrrTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#7B3FA0",
            Secondary = "#E0774B",
            Tertiary = "#2E9C8F",
            AppbarBackground = "#7B3FA0",
            Background = "#FBF7FC",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#2A2230",
            TextSecondary = "#5E5566",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#C7A2E8",
            Secondary = "#F2A07C",
            Tertiary = "#6FD1C4",
            AppbarBackground = "#241B2E",
            Background = "#16111C",
            Surface = "#201827",
            DrawerBackground = "#1C1523",
            TextPrimary = "#EEE6F3",
            TextSecondary = "#BFB3C8",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
