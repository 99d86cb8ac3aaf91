namespace Purrr.Core.Events;

/// <summary>
/// Live state shared between circuits: services publish after they commit; components subscribe in
/// OnAfterRenderAsync(firstRender), marshal with InvokeAsync and dispose the subscription in Dispose.
/// </summary>
public interface IEventBus
{
    void Publish<TEvent>(TEvent @event) where TEvent : notnull;

    /// <summary>
    /// Only to this app instance's subscribers, even when the bus spans several instances (Redis): for views each
    /// instance works out for itself from shared state (e.g. a player's combined presence).
    /// </summary>
    void PublishLocal<TEvent>(TEvent @event) where TEvent : notnull => Publish(@event);

    /// <summary>Every event of this type.</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull;

    /// <summary>
    /// Only the events of this type about one thing (<see cref="ITopicEvent.Topic"/>: one room, one player), so a
    /// busy world does not wake every circuit for every move.
    /// </summary>
    IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ITopicEvent;
}

/// <summary>An event about one thing, which subscribers can follow alone.</summary>
public interface ITopicEvent
{
    string Topic { get; }
}

/// <summary>
/// The in-process bus. Handlers run in the background, one at a time per subscription, so a slow circuit never
/// delays the publisher or the other subscribers, and each subscriber sees events in publish order.
/// </summary>
public sealed class InMemoryEventBus : IEventBus
{
    private readonly Lock gate = new();
    private readonly Dictionary<(Type Type, string? Topic), List<Subscription>> subscriptions = [];

    public void Publish<TEvent>(TEvent @event) where TEvent : notnull => PublishAs(typeof(TEvent), @event);

    /// <summary>
    /// Publishes to the subscribers of <paramref name="type"/> (the type the publisher named, which may be a base type of
    /// the event's own): how events that came from another instance are delivered here.
    /// </summary>
    public void PublishAs(Type type, object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var topic = (@event as ITopicEvent)?.Topic;
        Subscription[] targets;
        lock (gate)
        {
            var all = subscriptions.GetValueOrDefault((type, null));
            var topical = topic is null ? null : subscriptions.GetValueOrDefault((type, topic));
            if (all is null && topical is null)
                return;
            targets = [.. all ?? [], .. topical ?? []];
        }
        foreach (var subscription in targets)
            subscription.Enqueue(@event);
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull => Add<TEvent>(null, handler);

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ITopicEvent
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Add(topic, handler);
    }

    /// <summary>How many subscriptions are live (a circuit that died must leave none behind).</summary>
    public int SubscriptionCount
    {
        get { lock (gate) return subscriptions.Values.Sum(list => list.Count); }
    }

    private Subscription Add<TEvent>(string? topic, Func<TEvent, Task> handler)
    {
        var key = (typeof(TEvent), topic);
        var subscription = new Subscription(this, key, e => handler((TEvent)e));
        lock (gate)
        {
            if (!subscriptions.TryGetValue(key, out var list))
                subscriptions[key] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (gate)
        {
            if (subscriptions.TryGetValue(subscription.Key, out var list) && list.Remove(subscription) && list.Count == 0)
                subscriptions.Remove(subscription.Key); // topics come and go (rooms open and close): drop empty lists
        }
    }

    private sealed class Subscription(InMemoryEventBus bus, (Type, string?) key, Func<object, Task> handler) : IDisposable
    {
        private readonly Lock queueGate = new();
        private Task tail = Task.CompletedTask;
        private bool disposed;

        public (Type Type, string? Topic) Key => key;

        public void Enqueue(object @event)
        {
            lock (queueGate)
            {
                if (disposed)
                    return;
                tail = tail.ContinueWith(async _ =>
                {
                    if (disposed)
                        return;
                    try
                    {
                        await handler(@event);
                    }
                    catch
                    {
                        // A failing subscriber (e.g. a circuit that just went away) must not affect the others.
                    }
                }, TaskScheduler.Default).Unwrap();
            }
        }

        public void Dispose()
        {
            disposed = true;
            bus.Remove(this);
        }
    }
}
