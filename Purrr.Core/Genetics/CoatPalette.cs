namespace Purrr.Core.Genetics;

/// <summary>
/// The colours a phenotype is drawn with, shared by every view of a cat (SVG portrait, 3D textures).
/// <see cref="OtherEye"/> differs from <see cref="Eye"/> only for odd-eyed cats.
/// </summary>
public sealed record CatColors(string Fur, string Stripe, string Eye, string Nose, string OtherEye);

public static class CoatPalette
{
    public static CatColors For(Phenotype phenotype)
    {
        var (fur, stripe, nose) = phenotype.Color switch
        {
            CoatColor.Red => ("#E8893A", "#B45A1B", "#D9736B"),
            CoatColor.Cream => ("#F3D3A1", "#D9AC6E", "#E3A19A"),
            CoatColor.Black => ("#2E2B2F", "#151316", "#3B3436"),
            CoatColor.Blue => ("#8B97A8", "#66717F", "#7E7A88"),
            CoatColor.Chocolate => ("#6B4430", "#46291B", "#5C3A33"),
            CoatColor.Lilac => ("#C2B0B4", "#9C878C", "#B58E98"),
            CoatColor.Cinnamon => ("#A0603A", "#74401F", "#B86A5A"),
            _ => ("#E2C3A8", "#C49F80", "#D9A79B"), // fawn
        };
        if (phenotype.Silver)
        {
            // Silver: the pigment fades toward a cool, light undercoat while the markings stay dark.
            fur = Blend(fur, "#D9DEE6", 0.55);
        }
        const string copper = "#D07A1E", green = "#6DAF3E", blue = "#4D9BE6";
        var (eye, otherEye) = phenotype.Eyes switch
        {
            EyeColor.Copper => (copper, copper),
            EyeColor.Green => (green, green),
            EyeColor.OddEyed => (blue, copper),
            _ => (blue, blue),
        };
        return new CatColors(fur, stripe, eye, nose, otherEye);
    }

    private static string Blend(string from, string to, double share)
    {
        static (int R, int G, int B) Rgb(string hex) => (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
        var (r1, g1, b1) = Rgb(from);
        var (r2, g2, b2) = Rgb(to);
        int Mix(int a, int b) => (int)Math.Round(a + (b - a) * share);
        return $"#{Mix(r1, r2):X2}{Mix(g1, g2):X2}{Mix(b1, b2):X2}";
    }
}
