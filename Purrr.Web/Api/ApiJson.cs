using System.Text.Json;
using System.Text.Json.Serialization;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Genetics;
using Purrr.Core.Rooms;

namespace Purrr.Web.Api;

/// <summary>
/// JSON of the API: ids, genomes and room keys as plain strings, enums as snake_case names (the spec's words:
/// social_butterfly, cat_condo), and strict reading — an unknown field, a missing required one, a null where a value
/// belongs, a number sent as text or an enum given as a number is a 400, never a half-understood request.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict; // the web default reads "12" as a number
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<CatId>(id => id.ToString(), text => CatId.TryParse(text, out var id) ? id : null));
        options.Converters.Add(new TextConverter<UserId>(id => id.ToString(), text => UserId.TryParse(text, out var id) ? id : null));
        options.Converters.Add(new TextConverter<Genome>(genome => genome.ToCode(), text => Genome.TryParse(text, out var genome) ? genome : null));
        options.Converters.Add(new TextConverter<RoomKey>(key => key.ToString(), text => RoomKey.TryParse(text, out var key) ? key : null));
        options.Converters.Add(new TextConverter<TimeZoneInfo>(zone => zone.Id, text => Player.ZoneOf(text)));
    }

    /// <summary>The JSON name of an enum value (cat, safe_haven): query strings name enums as bodies do.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>An enum from its JSON name in a query string; null when there is no such name.</summary>
    public static T? ReadName<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(value => NameOf(value!.Value) == text.Trim().ToLowerInvariant());

    /// <summary>A value written as a string and read back by <paramref name="parse"/>; null from the parser is a 400.</summary>
    private sealed class TextConverter<T>(Func<T, string> write, Func<string?, object?> parse) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && parse(reader.GetString()) is T value
                ? value
                : throw new JsonException($"Expected a {typeof(T).Name} as a string.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(write(value));
    }
}
