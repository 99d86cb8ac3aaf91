using System.Globalization;

namespace Purrr.Core.Admin;

/// <summary>A figure in the current period and in the previous period of the same length (spec §14).</summary>
public readonly record struct PeriodChange(double Previous, double Current)
{
    /// <summary>
    /// The change in percent. From nothing to something is +100% (the spec's rule: a rise from zero has no ratio), from
    /// nothing to nothing is 0%, and a fall is measured against the previous figure.
    /// </summary>
    public double Percent => Previous == 0
        ? Math.Sign(Current) * 100.0
        : (Current - Previous) / Math.Abs(Previous) * 100.0;

    public bool IsRise => Percent > 0;

    public bool IsFall => Percent < 0;

    /// <summary>"+12%", "−8%" or "0%", rounded to a whole percent (with a true minus sign for screen readers and fonts).</summary>
    public string Text
    {
        get
        {
            var rounded = Math.Round(Percent, MidpointRounding.AwayFromZero);
            return rounded switch
            {
                > 0 => "+" + rounded.ToString("0", CultureInfo.InvariantCulture) + "%",
                < 0 => "\u2212" + (-rounded).ToString("0", CultureInfo.InvariantCulture) + "%",
                _ => "0%",
            };
        }
    }
}
