using MudBlazor;

namespace Purrr.Web.Components.Layout;

/// <summary>Purrr's look: warm plum and apricot, rounded, with the system font stack (works offline).</summary>
public static class PurrrTheme
{
    private const string OnLight = "#1E1326";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#7B3FA0",
            // Every colour keeps AA contrast (4.5:1) as text on the page and under white text when filled.
            Secondary = "#A84E26",
            Tertiary = "#1F7A70",
            Info = "#1565C0",
            Success = "#2E7D32",
            Warning = "#9A5800",
            Error = "#C62828",
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
            Info = "#90CAF9",
            Success = "#81C784",
            Warning = "#FFB74D",
            Error = "#FF8A80",
            // Light colours on a dark page: filled ones carry dark text (AA contrast both ways).
            PrimaryContrastText = OnLight,
            SecondaryContrastText = OnLight,
            TertiaryContrastText = OnLight,
            InfoContrastText = OnLight,
            SuccessContrastText = OnLight,
            WarningContrastText = OnLight,
            ErrorContrastText = OnLight,
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
