using Purrr.Core.Common;

namespace Purrr.Core.LostPets;

public enum PetType { Cat, Dog, Bird, Rabbit, Other }

public enum PetSize { Tiny, Small, Medium, Large, Giant }

public enum LostPetStatus { Active, Found, Inactive }

public enum SightingConfidence { Low, Medium, High }

/// <summary>A lost pet report (spec §9). The contact details are shown only to signed-in users.</summary>
public sealed class LostPet
{
    public const int NameMaxLength = 100;
    public const int BreedMaxLength = 100;
    public const int ColourMaxLength = 100;
    public const int PlaceMaxLength = 200;
    public const int DescriptionMaxLength = 2_000;
    public const int FeaturesMaxLength = 500;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 200;
    public const int RewardMaxLength = 50;
    public const int ThanksMaxLength = 500;
    public const int MaxPhotos = 5;
    public const int MaxAgeYears = 40;

    private LostPet() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string Name { get; private set; } = "";
    public PetType Type { get; private set; }
    public string Breed { get; private set; } = "";
    public string Colour { get; private set; } = "";
    public PetSize Size { get; private set; } = PetSize.Medium;
    public int? AgeYears { get; private set; }
    public string Description { get; private set; } = "";
    public string Features { get; private set; } = "";
    public string LastSeenPlace { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public string ContactPhone { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";

    /// <summary>The owner agreed that the contact may be handed out beyond the app's own pages (the public API).</summary>
    public bool ShareContact { get; private set; }
    public string Reward { get; private set; } = "";
    public LostPetStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The owner's thank-you to the helpers, when the pet was found.</summary>
    public string ThankYou { get; private set; } = "";

    public int Version { get; private set; }

    public List<LostPetPhoto> Photos { get; private set; } = [];

    public GeoPoint LastSeen => new(Latitude, Longitude);

    internal static LostPet Create(UserId owner, LostPetReport report, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        Name = report.Name.Trim(),
        Type = report.Type,
        Breed = report.Breed.Trim(),
        Colour = report.Colour.Trim(),
        Size = report.Size,
        AgeYears = report.AgeYears,
        Description = report.Description?.Trim() ?? "",
        Features = report.Features?.Trim() ?? "",
        LastSeenPlace = report.LastSeenPlace.Trim(),
        Latitude = report.Latitude,
        Longitude = report.Longitude,
        LastSeenAt = report.LastSeenAt,
        ContactPhone = report.ContactPhone.Trim(),
        ContactEmail = report.ContactEmail.Trim(),
        ShareContact = report.ShareContact,
        Reward = report.Reward?.Trim() ?? "",
        Status = LostPetStatus.Active,
        CreatedAt = now,
    };

    /// <summary>The owner deleted their account: no one can be sent to them any more.</summary>
    internal void ForgetContact()
    {
        ContactPhone = "";
        ContactEmail = "";
        ShareContact = false;
        Version++;
    }

    internal void AddPhoto(Guid image) => Photos.Add(new LostPetPhoto(Id, image, Photos.Count));

    internal void Close(LostPetStatus status, string? thankYou, DateTimeOffset now)
    {
        Status = status;
        ThankYou = thankYou?.Trim() ?? "";
        ClosedAt = now;
        Version++;
    }
}

/// <summary>A photo of a lost pet (a stored, re-encoded image), in the order the owner added them.</summary>
public sealed class LostPetPhoto(Guid lostPetId, Guid imageId, int position)
{
    public Guid LostPetId { get; private set; } = lostPetId;
    public Guid ImageId { get; private set; } = imageId;
    public int Position { get; private set; } = position;
}

/// <summary>Someone saw the pet: where, when, how sure, and what they saw.</summary>
public sealed class LostPetSighting
{
    public const int PlaceMaxLength = 200;
    public const int DescriptionMaxLength = 1_000;

    private LostPetSighting() { } // for EF Core

    public Guid Id { get; private set; }
    public Guid LostPetId { get; private set; }
    public UserId ReporterId { get; private set; }
    public string Place { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public DateTimeOffset SeenAt { get; private set; }
    public string Description { get; private set; } = "";
    public SightingConfidence Confidence { get; private set; }
    public Guid? ImageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public GeoPoint Point => new(Latitude, Longitude);

    internal static LostPetSighting Create(Guid pet, UserId reporter, SightingReport report, Guid? image, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        LostPetId = pet,
        ReporterId = reporter,
        Place = report.Place?.Trim() ?? "",
        Latitude = report.Latitude,
        Longitude = report.Longitude,
        SeenAt = report.SeenAt,
        Description = report.Description?.Trim() ?? "",
        Confidence = report.Confidence,
        ImageId = image,
        CreatedAt = now,
    };
}

/// <summary>What the report form sends.</summary>
public sealed record LostPetReport(
    string Name, PetType Type, string Breed, string Colour, PetSize Size, int? AgeYears, string? Description, string? Features,
    string LastSeenPlace, double Latitude, double Longitude, DateTimeOffset LastSeenAt,
    string ContactPhone, string ContactEmail, bool ShareContact, string? Reward);

/// <summary>What the sighting form sends.</summary>
public sealed record SightingReport(string? Place, double Latitude, double Longitude, DateTimeOffset SeenAt, string? Description, SightingConfidence Confidence);
