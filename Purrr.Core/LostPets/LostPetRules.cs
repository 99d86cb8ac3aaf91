using System.Net.Mail;
using Purrr.Core.Common;

namespace Purrr.Core.LostPets;

/// <summary>The lost pet finder's rules (spec §9) as plain functions.</summary>
public static class LostPetRules
{
    public const double DefaultRadiusKm = 10;
    public const double MaxRadiusKm = 100;
    public const int PageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>Players who opted in hear about pets lost this close to their home.</summary>
    public const double AlertRadiusKm = DefaultRadiusKm;

    /// <summary>Whole days since the pet was last seen, rounded up (a pet lost this morning has been missing 1 day).</summary>
    public static int DaysMissing(DateTimeOffset lastSeen, DateTimeOffset now) => Math.Max(0, (int)Math.Ceiling((now - lastSeen).TotalDays));

    /// <summary>A page size between 1 and <see cref="MaxPageSize"/>; nothing asked means <see cref="PageSize"/>.</summary>
    public static int ClampPageSize(int? requested) => requested is not > 0 ? PageSize : Math.Min(requested.Value, MaxPageSize);

    /// <summary>A distance as players read it: metres to the nearest 10 below 1 km, then kilometres.</summary>
    public static string Distance(double meters)
    {
        var rounded = Math.Round(meters / 10) * 10;
        return rounded < 1000 ? $"{rounded:0} m" : $"{meters / 1000:0.#} km";
    }

    public static Problem? CheckRadius(double km) =>
        double.IsFinite(km) && km > 0 && km <= MaxRadiusKm ? null : new Problem($"Choose a radius between 1 and {MaxRadiusKm:0} km.", "Radius");

    /// <summary>
    /// The latitude/longitude box around a circle, for a cheap index-backed prefilter before the exact haversine distance.
    /// Near a pole or across the ±180° meridian it widens to every longitude rather than miss anything.
    /// </summary>
    public static (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) BoundingBox(GeoPoint center, double radiusMeters)
    {
        var dLat = radiusMeters / GeoPoint.EarthRadiusMeters * 180 / Math.PI;
        var minLat = Math.Max(-90, center.Latitude - dLat);
        var maxLat = Math.Min(90, center.Latitude + dLat);
        var cos = Math.Cos(Math.Max(Math.Abs(minLat), Math.Abs(maxLat)) * Math.PI / 180);
        if (cos < 1e-6)
            return (minLat, maxLat, -180, 180);
        var dLng = dLat / cos;
        var minLng = center.Longitude - dLng;
        var maxLng = center.Longitude + dLng;
        return minLng < -180 || maxLng > 180 ? (minLat, maxLat, -180, 180) : (minLat, maxLat, minLng, maxLng);
    }

    public static IReadOnlyList<Problem> Check(LostPetReport report, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        void Require(string? value, int max, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems.Add(new($"{label} is required.", field));
            else if (value.Trim().Length > max)
                problems.Add(new($"{label} can be at most {max} characters.", field));
        }
        void Limit(string? value, int max, string field, string label)
        {
            if (value?.Trim().Length > max)
                problems.Add(new($"{label} can be at most {max:N0} characters.", field));
        }

        Require(report.Name, LostPet.NameMaxLength, nameof(report.Name), "The pet's name");
        if (!Enum.IsDefined(report.Type))
            problems.Add(new("Choose the kind of pet.", nameof(report.Type)));
        Require(report.Breed, LostPet.BreedMaxLength, nameof(report.Breed), "The breed (or \"unknown\")");
        Require(report.Colour, LostPet.ColourMaxLength, nameof(report.Colour), "The colour");
        if (!Enum.IsDefined(report.Size))
            problems.Add(new("Choose a size.", nameof(report.Size)));
        if (report.AgeYears is < 0 or > LostPet.MaxAgeYears)
            problems.Add(new($"Age is between 0 and {LostPet.MaxAgeYears} years.", nameof(report.AgeYears)));
        Limit(report.Description, LostPet.DescriptionMaxLength, nameof(report.Description), "The description");
        Limit(report.Features, LostPet.FeaturesMaxLength, nameof(report.Features), "Distinctive features");
        Require(report.LastSeenPlace, LostPet.PlaceMaxLength, nameof(report.LastSeenPlace), "Where the pet was last seen");
        if (GeoPoint.Check(report.Latitude, report.Longitude) is { } where)
            problems.Add(where with { Field = "Location" });
        if (report.LastSeenAt > now)
            problems.Add(new("The last-seen time can't be in the future.", nameof(report.LastSeenAt)));
        Require(report.ContactPhone, LostPet.PhoneMaxLength, nameof(report.ContactPhone), "A contact phone");
        if (!string.IsNullOrWhiteSpace(report.ContactPhone) && !IsPhone(report.ContactPhone))
            problems.Add(new("Enter a phone number (digits, spaces, +, - and brackets).", nameof(report.ContactPhone)));
        Require(report.ContactEmail, LostPet.EmailMaxLength, nameof(report.ContactEmail), "A contact email");
        if (!string.IsNullOrWhiteSpace(report.ContactEmail) && !IsEmail(report.ContactEmail))
            problems.Add(new("Enter an email address like name@example.com.", nameof(report.ContactEmail)));
        Limit(report.Reward, LostPet.RewardMaxLength, nameof(report.Reward), "The reward");
        return problems;
    }

    public static IReadOnlyList<Problem> Check(SightingReport sighting, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        if (GeoPoint.Check(sighting.Latitude, sighting.Longitude) is { } where)
            problems.Add(where with { Field = "Location" });
        if (sighting.SeenAt > now)
            problems.Add(new("The time you saw the pet can't be in the future.", nameof(sighting.SeenAt)));
        if (sighting.Place?.Trim().Length > LostPetSighting.PlaceMaxLength)
            problems.Add(new($"The place can be at most {LostPetSighting.PlaceMaxLength} characters.", nameof(sighting.Place)));
        if (sighting.Description?.Trim().Length > LostPetSighting.DescriptionMaxLength)
            problems.Add(new($"The description can be at most {LostPetSighting.DescriptionMaxLength:N0} characters.", nameof(sighting.Description)));
        if (!Enum.IsDefined(sighting.Confidence))
            problems.Add(new("Say how sure you are.", nameof(sighting.Confidence)));
        return problems;
    }

    private static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.') && trimmed.Count(char.IsAsciiDigit) is >= 6 and <= 15;
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.');
}
