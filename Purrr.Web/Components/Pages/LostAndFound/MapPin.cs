namespace Purrr.Web.Components.Pages.LostAndFound;

/// <summary>A point on the lost pet map: <see cref="Kind"/> is pet, lastseen or sighting; <see cref="Short"/> is the pin's text.</summary>
public sealed record MapPin(double Latitude, double Longitude, string Label, string Short, string Kind, string? Href = null);
