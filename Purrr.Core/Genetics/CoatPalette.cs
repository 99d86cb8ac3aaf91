namespace Purrr.Core.Genetics;

/// <summary>The colours a phenotype is drawn with, shared by every view of a cat (SVG portrait, 3D textures).</summary>
public sealed record CatColors(string Fur, string Stripe, string Eye, string Nose);

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
            _ => ("#C2B0B4", "#9C878C", "#B58E98"), // lilac
        };
        var eye = phenotype.Eyes switch
        {
            EyeColor.Copper => "#D07A1E",
            EyeColor.Green => "#6DAF3E",
            _ => "#4D9BE6",
        };
        return new CatColors(fur, stripe, eye, nose);
    }
}
