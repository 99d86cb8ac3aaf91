using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.SignalR.Protocol;
using Purrr.LoadTest.Protocol;

namespace Purrr.LoadTest;

/// <summary>
/// One simulated browser tab on a Blazor Server app, speaking the circuit protocol blazor.web.js (.NET 10) speaks:
/// fetch the page, start a circuit on /_blazor with the prerendered component markers, acknowledge every render
/// batch, answer JS interop calls, and dispatch browser events to the handlers found in the rendered tree.
/// </summary>
public sealed class CircuitClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Uri baseUri;
    private readonly HttpClient http;
    private readonly CookieContainer cookies;
    private UiTree ui = new();
    private readonly object gate = new();
    private HubConnection? hub;
    private long rendererInterop = -1;
    private long nextCallId;
    private long nextJsObjectId = 1;
    private int renders;
    private TaskCompletionSource<bool> interactive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<string?>> pendingCalls = new();

    /// <param name="http">Shares <paramref name="cookies"/> (a signed-in player) or none (a visitor).</param>
    public CircuitClient(Uri baseUri, HttpClient http, CookieContainer cookies)
    {
        this.baseUri = baseUri;
        this.http = http;
        this.cookies = cookies;
    }

    /// <summary>Keep applying render batches to the tree after the page is interactive (off for idle tabs: less client memory).</summary>
    public bool TrackUi { get; set; } = true;

    /// <summary>The first error the circuit reported (JS.Error, a failed dispatch, a closed connection).</summary>
    public string? Error { get; private set; }

    public string? CircuitId { get; private set; }

    public int RenderBatches => renders;

    /// <summary>The page's text as rendered so far (for tests and diagnostics).</summary>
    public string Text()
    {
        lock (gate)
            return ui.Text();
    }

    /// <summary>Loads <paramref name="path"/> and starts its circuit; returns once the layout reports it is interactive.</summary>
    public async Task StartAsync(string path, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var page = new Uri(baseUri, path);
        var html = await http.GetStringAsync(page, cancellation);
        var markers = PageMarkers.ServerComponents(html);
        if (markers.Count == 0)
            throw new InvalidOperationException($"{path} has no interactive server components.");
        var state = PageMarkers.PersistedState(html);

        var builder = new HubConnectionBuilder();
        // blazorpack instead of JSON: the only protocol the circuit hub speaks.
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        hub = builder
            .WithUrl(new Uri(baseUri, "_blazor"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (http.DefaultRequestVersion.Major >= 2)
                    options.WebSocketFactory = (context, token) => ConnectOverHttp2Async(context.Uri, token); // cookies come from http's handler
                else
                    options.Cookies = cookies;
            })
            .WithServerTimeout(TimeSpan.FromSeconds(60))
            .Build();
        Register(hub);
        await hub.StartAsync(cancellation);

        CircuitId = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", state, cancellation)
            ?? throw new InvalidOperationException(Error ?? "The server refused to start the circuit.");
        await hub.SendAsync("UpdateRootComponents", PageMarkers.AddOperations(markers), state, cancellation);

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        await interactive.Task.WaitAsync(timer.Token);
        // Components finish wiring up after their first render (JS answers, a first query): let the page settle, as a
        // person would look at it before clicking, so a click does not race the page's own first updates.
        while (Stopwatch.GetElapsedTime(Volatile.Read(ref lastBatchAt)) < SettleTime)
            await Task.Delay(SettleTime / 4, timer.Token);
        if (!TrackUi)
        {
            lock (gate)
                ui = new UiTree(); // an idle tab only acknowledges from now on: thousands of them fit in the client's memory
        }
    }

    /// <summary>
    /// The circuit's WebSocket as a stream of the session's HTTP/2 connection (RFC 8441), so thousands of tabs share a few
    /// sockets instead of needing one file descriptor each on both ends.
    /// </summary>
    private async ValueTask<WebSocket> ConnectOverHttp2Async(Uri uri, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await socket.ConnectAsync(uri, http, cancellation);
        return socket;
    }

    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(200);
    private long lastBatchAt;

    /// <summary>Clicks the element labelled <paramref name="label"/> and waits for the render it causes; returns the round trip.</summary>
    public Task<TimeSpan> ClickAsync(string label, TimeSpan timeout, CancellationToken cancellation = default)
    {
        ulong handler;
        lock (gate)
            handler = ui.FindClickHandler(label) ?? throw new InvalidOperationException($"No clickable '{label}' on the page.");
        // The same click every time but for the handler: its JSON is written directly rather than serialized per click.
        return DispatchAsync(string.Create(CultureInfo.InvariantCulture, $"[{{\"eventHandlerId\":{handler},\"eventName\":\"click\",\"eventFieldInfo\":null}},{ClickJson}]"),
            timeout, cancellation);
    }

    /// <summary>Types <paramref name="value"/> into the input named <paramref name="name"/> (id, placeholder or aria-label), as its change event.</summary>
    public Task<TimeSpan> ChangeAsync(string name, string value, TimeSpan timeout, string eventName = "change", CancellationToken cancellation = default)
    {
        (ulong Handler, int ComponentId) target;
        lock (gate)
            target = ui.FindInputHandler(name, eventName) ?? throw new InvalidOperationException($"No input '{name}' with a {eventName} handler on the page.");
        return DispatchAsync(Arguments(new { eventHandlerId = target.Handler, eventName, eventFieldInfo = new { componentId = target.ComponentId, fieldValue = value } },
            new { value }), timeout, cancellation);
    }

    /// <summary>The text of the first element with CSS class <paramref name="name"/> (e.g. a snackbar's message), or null.</summary>
    public string? TextOf(string name)
    {
        lock (gate)
            return ui.TextOf(name);
    }

    public bool HasClass(string name)
    {
        lock (gate)
            return ui.HasClass(name);
    }

    public IReadOnlyList<string> Buttons()
    {
        lock (gate)
            return ui.Buttons().ToList();
    }

    /// <summary>The buttons whose text starts with <paramref name="prefix"/>, in page order, and whether they can be clicked.</summary>
    public IReadOnlyList<(string Text, bool Enabled)> ButtonsStartingWith(string prefix)
    {
        lock (gate)
            return ui.ButtonsStartingWith(prefix).ToList();
    }

    public bool Has(string label)
    {
        lock (gate)
            return ui.FindClickHandler(label) is not null;
    }

    public string? FirstAttribute(string name)
    {
        lock (gate)
            return ui.FirstAttribute(name);
    }

    /// <summary>Where the floor shows the cat named <paramref name="catName"/> (its data-x/data-y), or null when it is not there.</summary>
    public (int X, int Y)? Position(string catName)
    {
        lock (gate)
            return ui.Position(catName);
    }

    /// <summary>Whether the page's text contains <paramref name="text"/>.</summary>
    public bool Shows(string text)
    {
        lock (gate)
            return ui.Text().Contains(text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Completes with the <see cref="Stopwatch"/> timestamp of the render batch after which <paramref name="condition"/>
    /// first holds (now, if it already does): when a change became visible on this tab, not when the awaiting code resumed.
    /// </summary>
    public async Task<long> WhenAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (condition())
                return Stopwatch.GetTimestamp();
            waiters.Add((condition, seen));
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try
        {
            return await seen.Task.WaitAsync(timer.Token);
        }
        finally
        {
            lock (gate)
                waiters.RemoveAll(w => w.Seen == seen);
        }
    }

    private readonly List<(Func<bool> Condition, TaskCompletionSource<long> Seen)> waiters = [];

    /// <summary>A key pressed on the element with role <paramref name="role"/> (e.g. the room floor, "application"); returns when the handler is done.</summary>
    public Task<TimeSpan> KeyDownAsync(string role, string key, TimeSpan timeout, CancellationToken cancellation = default)
    {
        ulong handler;
        lock (gate)
            handler = ui.FindHandler(n => n.Attributes?.GetValueOrDefault("role") == role, "keydown")?.Handler
                ?? throw new InvalidOperationException($"No element with role '{role}' takes key presses.");
        var args = new { key, code = key, location = 0, repeat = false, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false, isComposing = false, type = "keydown" };
        return DispatchAsync(Arguments(new { eventHandlerId = handler, eventName = "keydown", eventFieldInfo = (object?)null }, args), timeout, cancellation, requireRender: false);
    }

    /// <summary>
    /// Types <paramref name="value"/> into the first text input of the form inside the element with CSS class
    /// <paramref name="within"/> (its input event, as a person typing); returns when the handler is done.
    /// </summary>
    public Task<TimeSpan> TypeInFormAsync(string within, string value, TimeSpan timeout, CancellationToken cancellation = default)
    {
        (ulong Handler, int ComponentId) target;
        lock (gate)
            target = ui.FindHandler(n => n.Name is "input" or "textarea" && n.Ancestor("form") is { } form && UiTree.HasClass(form, within, inclusive: true), "input")
                ?? throw new InvalidOperationException($"No text input in a form in .{within} on the page.");
        return DispatchAsync(Arguments(new { eventHandlerId = target.Handler, eventName = "input", eventFieldInfo = new { componentId = target.ComponentId, fieldValue = value } },
            new { value, type = "input" }), timeout, cancellation, requireRender: false);
    }

    /// <summary>Submits the form inside the element with CSS class <paramref name="within"/> (Enter in its input, or its submit button); returns when the handler is done.</summary>
    public Task<TimeSpan> SubmitFormAsync(string within, TimeSpan timeout, CancellationToken cancellation = default)
    {
        ulong handler;
        lock (gate)
            handler = ui.FindHandler(n => n.Name == "form" && UiTree.HasClass(n, within, inclusive: false), "submit")?.Handler
                ?? throw new InvalidOperationException($"No form with a submit handler in .{within} on the page.");
        return DispatchAsync(Arguments(new { eventHandlerId = handler, eventName = "submit", eventFieldInfo = (object?)null }, new { type = "submit" }), timeout, cancellation, requireRender: false);
    }

    private static readonly string ClickJson = JsonSerializer.Serialize(new
    {
        detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0,
        movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false, type = "click",
    }, Json);

    /// <summary>DispatchEventAsync's arguments: the event descriptor and the browser's event object, as JSON.</summary>
    private static string Arguments(object descriptor, object eventArgs) => JsonSerializer.Serialize(new[] { descriptor, eventArgs }, Json);

    /// <summary>
    /// Sends the event as blazor.web.js does (the renderer's interop object, 'DispatchEventAsync') and waits until the
    /// server reports the handler done. The server sends the renders a handler causes before it reports the handler
    /// done, so the round trip ends with the page updated; a handler that renders nothing is an error here.
    /// </summary>
    private async Task<TimeSpan> DispatchAsync(string arguments, TimeSpan timeout, CancellationToken cancellation, bool requireRender = true)
    {
        if (hub is null || rendererInterop < 0)
            throw new InvalidOperationException("The circuit is not interactive yet.");
        var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingCalls[callId] = done;
        var rendersBefore = Volatile.Read(ref renders);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", rendererInterop, arguments, cancellation);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timer.CancelAfter(timeout);
            if (await done.Task.WaitAsync(timer.Token) is { } failure)
                throw new InvalidOperationException($"The event handler failed: {failure}");
        }
        finally
        {
            pendingCalls.TryRemove(callId, out _);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (requireRender && Volatile.Read(ref renders) == rendersBefore)
            throw new InvalidOperationException("The event caused no render.");
        return elapsed;
    }

    private void Register(HubConnection connection)
    {
        connection.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (gate)
                ui.AttachRoot(componentId);
        });
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            string? failure = null;
            lock (gate)
            {
                if (TrackUi || !interactive.Task.IsCompleted)
                {
                    try
                    {
                        ui.Apply(new RenderBatch(data));
                        if (!interactive.Task.IsCompleted && ui.Interactive)
                            interactive.TrySetResult(true);
                        if (waiters.Count > 0)
                        {
                            var now = Stopwatch.GetTimestamp();
                            foreach (var (condition, seen) in waiters.Where(w => w.Condition()).ToList())
                                seen.TrySetResult(now);
                        }
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException)
                    {
                        failure = ex.Message;
                        Fail($"Render batch {batchId}: {ex.Message}");
                    }
                }
                renders++;
                Volatile.Write(ref lastBatchAt, Stopwatch.GetTimestamp());
            }
            await connection.SendAsync("OnRenderCompleted", batchId, failure);
        });
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async (args, _) =>
        {
            var handle = (long)args[0]!;
            var identifier = (string)args[1]!;
            if (identifier == "Blazor._internal.attachWebRendererInterop")
                rendererInterop = JsonNode.Parse((string)args[2]!)![1]!["__dotNetObject"]!.GetValue<long>();
            if (handle == 0)
                return;
            // No browser here: every call succeeds with nothing, or with a fresh object reference when one is expected.
            // The answer's JSON written directly (a serializer call per answer was a measurable share of the client's work).
            var answer = (int)args[3]! == 1
                ? string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{{\"__jsObjectId\":{Interlocked.Increment(ref nextJsObjectId)}}}]")
                : string.Create(CultureInfo.InvariantCulture, $"[{handle},true,null]");
            await connection.SendAsync("EndInvokeJSFromDotNet", handle, true, answer);
        }, new object());
        connection.On<string, bool, string>("JS.EndInvokeDotNet", (callId, success, message) =>
        {
            if (pendingCalls.TryGetValue(callId, out var call))
                call.TrySetResult(success ? null : message);
        });
        connection.On<string>("JS.Error", Fail);
        connection.Closed += ex =>
        {
            Fail(ex is null ? "The connection closed." : $"The connection closed: {ex.Message}");
            return Task.CompletedTask;
        };
    }

    private void Fail(string message)
    {
        Error ??= message;
        interactive.TrySetException(new InvalidOperationException(message));
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is null)
            return;
        Error ??= ""; // a close we asked for is no failure
        await hub.DisposeAsync();
        if (CircuitId is null)
            return;
        // Like a tab that closes: tell the server the circuit is gone, rather than leave it retained for reconnection.
        try
        {
            using var form = new MultipartFormDataContent { { new StringContent(CircuitId), "circuitId" } };
            using var _ = await http.PostAsync(new Uri(baseUri, "_blazor/disconnect"), form);
        }
        catch (HttpRequestException)
        {
            // The server may already be gone; its retention period cleans up.
        }
    }
}
