using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Purrr.Cli;

/// <summary>A failed call: the API's ProblemDetails title (and detail), or why the server could not be reached.</summary>
public sealed class ApiException(string title, string? detail = null, HttpStatusCode? status = null, IReadOnlyList<string>? errors = null)
    : Exception(title)
{
    public string Title => Message;
    public string? Detail { get; } = detail;
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Every problem the API listed (a form with three mistakes names all three); the first is usually the title.</summary>
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
}

/// <summary>
/// The /api/v1 calls the commands make. Answers stay JSON (the envelope's <c>data</c>), so <c>--json</c> prints exactly
/// what the API sent and the CLI carries no copy of the server's types.
/// </summary>
public sealed class PurrrApi(HttpClient http)
{
    public const string Prefix = "api/v1/";
    public const string ApiKeyHeader = "X-API-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Prefix + path), ct);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Prefix + path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SendAsync(request, ct);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, ct);
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new ApiException($"Could not reach the server at {http.BaseAddress}.", e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ApiException($"The server at {http.BaseAddress} did not answer in time.");
        }
        using (response)
        {
            var json = TryParse(body);
            if (response.IsSuccessStatusCode && json is { ValueKind: JsonValueKind.Object } envelope && envelope.TryGetProperty("data", out var data))
                return data.Clone();
            if (response.IsSuccessStatusCode)
                throw new ApiException($"The server at {http.BaseAddress} did not answer like a Purrr server.", "Check the URL you logged in with.");
            throw Problem(response.StatusCode, json);
        }
    }

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The ProblemDetails title and detail; a plain answer for a server (or proxy) that sent none.</summary>
    private static ApiException Problem(HttpStatusCode status, JsonElement? json)
    {
        string? Text(string name) => json is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var title = Text("title") ?? status switch
        {
            HttpStatusCode.NotFound => "Not found.",
            HttpStatusCode.Unauthorized => "The server did not accept your API key.",
            HttpStatusCode.Forbidden => "Your API key may not do that.",
            _ => $"The server answered {(int)status} {status}.",
        };
        var detail = Text("detail");
        if (status == HttpStatusCode.Unauthorized)
            detail = string.Join(" ", new[] { detail, "Run `purrr login` with a valid key." }.Where(d => d is not null));
        else if (status == HttpStatusCode.Forbidden)
            detail = string.Join(" ", new[] { detail, "Make a key with the read and write scopes under Settings → API keys." }.Where(d => d is not null));
        var errors = json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : null)
                .OfType<string>().ToList()
            : [];
        return new ApiException(title, detail, status, errors);
    }
}
