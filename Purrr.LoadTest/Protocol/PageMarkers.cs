using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Purrr.LoadTest.Protocol;

/// <summary>
/// What blazor.web.js discovers in a prerendered page: the server component markers (<c>&lt;!--Blazor:{...}--&gt;</c>,
/// the start ones carry a "type") and the persisted component state comment.
/// </summary>
internal static partial class PageMarkers
{
    /// <summary>The markers of the interactive server components, in document order, as JSON objects.</summary>
    public static IReadOnlyList<JsonObject> ServerComponents(string html) =>
        Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value) as JsonObject)
            .Where(o => o?["type"]?.GetValue<string>() == "server")
            .Select(o => o!)
            .ToList();

    public static string PersistedState(string html) => State().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    /// <summary>
    /// The UpdateRootComponents batch blazor.web.js sends first: every server marker added, SSR component ids from 1,
    /// each marker as discovered (plus the descriptor's unique id the script numbers them with).
    /// </summary>
    public static string AddOperations(IReadOnlyList<JsonObject> markers)
    {
        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = (JsonObject)markers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(Json);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([a-zA-Z0-9+/=]+)-->")]
    private static partial Regex State();
}
