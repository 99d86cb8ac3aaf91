using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Core.Webhooks;

namespace Purrr.Data.Webhooks;

/// <summary>
/// Sends webhook attempts over HTTP through a named <see cref="HttpClient"/>. The SSRF guard sits in the connection
/// callback: it resolves the host itself and connects only to an address <see cref="WebhookAddresses"/> allows, so a
/// name that resolves (or re-resolves) inside the network is refused at send time. Redirects are not followed.
/// </summary>
public sealed class HttpWebhookTransport(IHttpClientFactory clients) : IWebhookTransport
{
    public const string ClientName = "purrr-webhooks";
    private const int ReadBytes = 8 * 1024; // enough for the first 1,000 characters in any UTF-8 text

    public async Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        message.Headers.UserAgent.ParseAdd("Purrr-Webhooks/1.0");
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            return new WebhookResponse((int)response.StatusCode, await ReadStartAsync(response, ct));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return WebhookResponse.Failed($"No answer within {client.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return WebhookResponse.Failed(e.InnerException is RefusedAddressException refused ? refused.Message : $"Could not connect: {e.Message}");
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[ReadBytes];
        var read = 0;
        int got;
        while (read < buffer.Length && (got = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
            read += got;
        return WebhookRules.Clip(Encoding.UTF8.GetString(buffer, 0, read), WebhookDelivery.ResponseMaxLength);
    }

    /// <summary>Registers the transport and its client: 10 s timeout (Webhooks:TimeoutSeconds), guard, no redirects, no cookies.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Webhooks"));
        services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        services.AddHttpClient(ClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(Math.Clamp(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds, 1, 60)))
            .RemoveAllLoggers() // hook URLs often carry a token in their path: keep them out of the logs
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false, // a proxy would connect on our behalf, past the guard
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => ConnectGuardedAsync(context.DnsEndPoint, options.CurrentValue, ct),
                };
            });
    }

    /// <summary>Resolves the host and connects to the first allowed address that answers; refuses when none is allowed.</summary>
    internal static async ValueTask<Stream> ConnectGuardedAsync(DnsEndPoint endpoint, WebhookOptions options, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => WebhookAddresses.WhyRefused(a, options) is null).ToList();
        if (allowed.Count == 0)
            throw new RefusedAddressException(addresses.Length > 0 ? WebhookAddresses.WhyRefused(addresses[0], options)! : $"{endpoint.Host} has no address.");
        SocketException? last = null;
        foreach (var address in allowed) // e.g. localhost: ::1 first, then 127.0.0.1
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}

/// <summary>The guard refused every address of the host.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
