using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.LostPets;

/// <summary>What a search asks for: pets near a point, optionally filtered; page 1 first.</summary>
public sealed record LostPetQuery(GeoPoint Center, double RadiusKm = LostPetRules.DefaultRadiusKm, PetType? Type = null, string? Text = null,
    DateTimeOffset? LostFrom = null, DateTimeOffset? LostTo = null, int Page = 1, int? PageSize = null);

/// <summary>A search result: never the contact details (spec §9 privacy).</summary>
public sealed record LostPetSummary(Guid Id, string Name, PetType Type, string Breed, string Colour, string LastSeenPlace,
    double Latitude, double Longitude, DateTimeOffset LastSeenAt, double DistanceMeters, int DaysMissing, string Reward, Guid? PhotoId);

public sealed record LostPetResults(IReadOnlyList<LostPetSummary> Results, int Page, int PageSize, int Total)
{
    public bool HasMore => Page * PageSize < Total;
}

public sealed record SightingView(Guid Id, string ReporterName, string Place, double Latitude, double Longitude, DateTimeOffset SeenAt,
    string Description, SightingConfidence Confidence, Guid? ImageId, double MetersFromLastSeen);

/// <summary>A pet's page. <see cref="Contact"/> is null for visitors.</summary>
public sealed record LostPetDetails(Guid Id, UserId OwnerId, string OwnerName, string Name, PetType Type, string Breed, string Colour, PetSize Size,
    int? AgeYears, string Description, string Features, string LastSeenPlace, double Latitude, double Longitude, DateTimeOffset LastSeenAt,
    int DaysMissing, string Reward, LostPetStatus Status, DateTimeOffset? ClosedAt, string ThankYou, IReadOnlyList<Guid> Photos,
    IReadOnlyList<SightingView> Sightings, LostPetContact? Contact, bool IsOwner);

public sealed record LostPetContact(string Phone, string Email);

/// <summary>What a new report did: the pet's id and how many neighbours were alerted.</summary>
public sealed record LostPetReported(Guid Id, int NeighboursAlerted);

/// <summary>For the admin dashboard: reports per week, found rate, median days to found, sightings per report.</summary>
public sealed record LostPetAnalytics(IReadOnlyList<(DateOnly WeekStart, int Reports)> ReportsPerWeek, int Reports, int Found, double FoundRate,
    double? MedianDaysToFound, double SightingsPerReport);

/// <summary>A pet's page changed (a sighting, found): its viewers refresh.</summary>
public sealed record LostPetChanged(Guid Pet) : ITopicEvent
{
    public string Topic => TopicOf(Pet);

    public static string TopicOf(Guid pet) => $"lostpet:{pet}";
}
