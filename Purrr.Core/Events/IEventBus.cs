namespace Purrr.Core.Events;

/// <summary>
/// Live state shared between circuits: services publish after they commit; components subscribe in
/// OnAfterRenderAsync(firstRender), marshal with InvokeAsync and dispose the subscription in Dispose.
/// </summary>
public interface IEventBus
{
    void Publish<TEvent>(TEvent @event) where TEvent : notnull;

    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull;
}

/// <summary>
/// The in-process bus. Handlers run in the background, one at a time per subscription, so a slow circuit never
/// delays the publisher or the other subscribers, and each subscriber sees events in publish order.
/// </summary>
public sealed class InMemoryEventBus : IEventBus
{
    private readonly Lock gate = new();
    private readonly Dictionary<Type, List<Subscription>> subscriptions = [];

    public void Publish<TEvent>(TEvent @event) where TEvent : notnull
    {
        Subscription[] targets;
        lock (gate)
        {
            if (!subscriptions.TryGetValue(typeof(TEvent), out var list))
                return;
            targets = [.. list];
        }
        foreach (var subscription in targets)
            subscription.Enqueue(@event);
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull
    {
        var subscription = new Subscription(this, typeof(TEvent), e => handler((TEvent)e));
        lock (gate)
        {
            if (!subscriptions.TryGetValue(typeof(TEvent), out var list))
                subscriptions[typeof(TEvent)] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (gate)
        {
            if (subscriptions.TryGetValue(subscription.EventType, out var list))
                list.Remove(subscription);
        }
    }

    private sealed class Subscription(InMemoryEventBus bus, Type eventType, Func<object, Task> handler) : IDisposable
    {
        private readonly Lock queueGate = new();
        private Task tail = Task.CompletedTask;
        private bool disposed;

        public Type EventType => eventType;

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
