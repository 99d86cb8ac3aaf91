using System.Reflection;
using System.Text.Json;
using Purrr.Core.Events;

namespace Purrr.Data.Redis;

/// <summary>
/// An event as it travels between app instances: who sent it (so its sender skips it), the sender's running number (in
/// order per sender), the type it was published as (what subscribers follow, e.g. <c>RoomEvent</c>), its own type and
/// its JSON. Only Purrr.Core's event types are read back, so a message on the channel cannot make us load any other type.
/// </summary>
public sealed record EventEnvelope(string Origin, long Sequence, string PublishedAs, string Type, JsonElement Event)
{
    private static readonly Assembly EventsAssembly = typeof(IEventBus).Assembly;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>Whether an event of this type can go to other instances (it is one of Core's).</summary>
    public static bool CanShare(Type type) => type.Assembly == EventsAssembly;

    public static string Write(string origin, long sequence, Type publishedAs, object @event) =>
        JsonSerializer.Serialize(new EventEnvelope(origin, sequence, publishedAs.FullName!, @event.GetType().FullName!,
            JsonSerializer.SerializeToElement(@event, @event.GetType(), Options)), Options);

    /// <summary>The envelope in <paramref name="text"/>, or null when it is not one we can read.</summary>
    public static EventEnvelope? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<EventEnvelope>(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The event and the type to deliver it as, or null when either type is unknown here or does not fit.</summary>
    public (Type PublishedAs, object Event)? Open()
    {
        var publishedAs = EventsAssembly.GetType(PublishedAs);
        var type = EventsAssembly.GetType(Type);
        if (publishedAs is null || type is null || type.IsAbstract || !publishedAs.IsAssignableFrom(type))
            return null;
        try
        {
            return Event.Deserialize(type, Options) is { } @event ? (publishedAs, @event) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }
}
