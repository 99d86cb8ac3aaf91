using System.Net.Http.Json;
using System.Text.Json;

namespace Purrr.DeviceSimulator;

/// <summary>What a run sent: readings stored, readings the server already had, batches sent.</summary>
public sealed record PushSummary(int Stored, int AlreadyStored, int Batches);

/// <summary>Sends readings to Purrr as a device does: batches of at most 500, the key in X-Device-Key.</summary>
public sealed class DevicePusher(HttpClient http, Guid device, string key)
{
    public const int BatchSize = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Pushes every reading in order; stops at the first batch the server refuses, with its message.</summary>
    public async Task<PushSummary> PushAsync(IReadOnlyList<SimulatedReading> readings, CancellationToken ct = default)
    {
        int stored = 0, already = 0, batches = 0;
        foreach (var batch in readings.Chunk(BatchSize))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/devices/{device}/readings")
            {
                Content = JsonContent.Create(new { readings = batch }, options: Json),
            };
            request.Headers.Add("X-Device-Key", key);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (!response.IsSuccessStatusCode)
                throw new DevicePushException((int)response.StatusCode, body.TryGetProperty("title", out var title) ? title.GetString() ?? "" : body.ToString());
            var data = body.GetProperty("data");
            stored += data.GetProperty("stored").GetInt32();
            already += data.GetProperty("alreadyStored").GetInt32();
            batches++;
        }
        return new PushSummary(stored, already, batches);
    }
}

public sealed class DevicePushException(int status, string title) : Exception($"The server refused a batch ({status}): {title}")
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
