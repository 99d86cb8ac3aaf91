using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Purrr.Core.Events;
using StackExchange.Redis;

namespace Purrr.Data.Redis;

/// <summary>
/// The event bus of several app instances. Every event goes to this instance's subscribers at once (the in-memory bus)
/// and, in publish order, onto one Redis pub/sub channel; each instance delivers the others' events to its subscribers
/// in the order they were sent and skips its own, so every instance sees each event once. While Redis is away, events
/// wait in a bounded queue (the oldest dropped beyond <see cref="MaxWaiting"/>); the connection comes back and
/// resubscribes by itself.
/// </summary>
public sealed class RedisEventBus : IEventBus, IDisposable
{
    public const int MaxWaiting = 10_000;
    public const string DefaultChannel = "purrr:events";

    private readonly InMemoryEventBus local = new();
    private readonly RedisConnection redis;
    private readonly AppInstance self;
    private readonly ILogger<RedisEventBus> logger;
    private readonly Channel<string> outbox = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(MaxWaiting) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock subscribing = new();
    private readonly Task sender;
    private readonly RedisChannel channel;
    private ChannelMessageQueue? queue;
    private long sequence;
    private int disposed;
    private long received;

    /// <param name="channelName">One per world: instances on the same channel share their events.</param>
    public RedisEventBus(RedisConnection redis, AppInstance self, ILogger<RedisEventBus> logger, string channelName = DefaultChannel)
    {
        channel = RedisChannel.Literal(channelName);
        this.redis = redis;
        this.self = self;
        this.logger = logger;
        redis.Multiplexer.ConnectionRestored += (_, _) => EnsureSubscribed();
        EnsureSubscribed();
        sender = Task.Run(SendAsync);
    }

    /// <summary>Whether this instance hears the other instances now.</summary>
    public bool IsSubscribed => queue is not null && redis.IsConnected;

    /// <summary>
    /// Events heard from other instances so far. Pub/sub keeps nothing: what is published while an instance resubscribes
    /// is lost to it, which the heartbeats of presence and rooms make good within a TTL.
    /// </summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>Events waiting for Redis to come back.</summary>
    public int Waiting => outbox.Reader.Count;

    /// <summary>How many subscriptions are live here (as <see cref="InMemoryEventBus.SubscriptionCount"/>).</summary>
    public int SubscriptionCount => local.SubscriptionCount;

    public void Publish<TEvent>(TEvent @event) where TEvent : notnull
    {
        local.Publish(@event);
        if (!EventEnvelope.CanShare(@event.GetType()))
            return;
        string text;
        try
        {
            text = EventEnvelope.Write(self.Id, Interlocked.Increment(ref sequence), typeof(TEvent), @event);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            logger.LogError(e, "{Event} cannot be written for the other instances; delivered here only.", typeof(TEvent).Name);
            return;
        }
        outbox.Writer.TryWrite(text);
    }

    public void PublishLocal<TEvent>(TEvent @event) where TEvent : notnull => local.Publish(@event);

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull => local.Subscribe(handler);

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ITopicEvent => local.Subscribe(topic, handler);

    /// <summary>One ordered reader of the channel (a queue, not a handler: handlers may run out of order).</summary>
    private void EnsureSubscribed()
    {
        lock (subscribing)
        {
            if (queue is not null || stopping.IsCancellationRequested)
                return;
            try
            {
                queue = redis.Multiplexer.GetSubscriber().Subscribe(channel);
                queue.OnMessage(Receive);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis is not reachable yet ({Message}); events stay on this instance until it is.", e.Message);
            }
        }
    }

    private void Receive(ChannelMessage message)
    {
        if (EventEnvelope.Read(message.Message.ToString()) is not { } envelope || envelope.Origin == self.Id)
            return;
        Interlocked.Increment(ref received);
        if (envelope.Open() is { } opened)
            local.PublishAs(opened.PublishedAs, opened.Event);
        else
            logger.LogWarning("Skipped an event of unknown type {Type} from {Origin}.", envelope.Type, envelope.Origin);
    }

    /// <summary>
    /// Sends what waits in order, pipelined: all waiting events go out on the one connection (which keeps their order)
    /// before the sender waits for Redis to take them. What failed (Redis went away) is sent again, in order, once it is back.
    /// </summary>
    private async Task SendAsync()
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        var batch = new List<string>();
        try
        {
            while (await outbox.Reader.WaitToReadAsync(stopping.Token))
            {
                while (batch.Count < 1000 && outbox.Reader.TryRead(out var text))
                    batch.Add(text);
                for (var attempt = 0; batch.Count > 0; attempt++)
                {
                    var sends = batch.Select(text => subscriber.PublishAsync(channel, text)).ToList();
                    try
                    {
                        await Task.WhenAll(sends);
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        if (attempt == 0)
                            logger.LogWarning("Redis is not reachable ({Message}); {Count} event(s) wait for it.", e.Message, batch.Count + outbox.Reader.Count);
                    }
                    var failed = batch.Where((_, i) => !sends[i].IsCompletedSuccessfully).ToList();
                    batch.Clear();
                    if (failed.Count == 0)
                        break;
                    batch.AddRange(failed);
                    EnsureSubscribed();
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stopping.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Idempotent: the container disposes it under both of its names.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        stopping.Cancel();
        outbox.Writer.TryComplete();
        try
        {
            sender.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // stopping
        }
        queue?.Unsubscribe();
        stopping.Dispose();
    }
}
