namespace Purrr.Data.Setup;

/// <summary>
/// Start-up work that can wait (the demo neighbourhood, loading or on a new data folder training the personality model) waits
/// for the first response, so that it does not take the two cores from the first page; at most <see cref="MaxWait"/> after
/// it starts waiting when no request comes. Real time on purpose: this is about CPU, not the game's clock. The web app opens
/// it (<c>UseFirstPageGate</c>).
/// </summary>
public sealed class FirstPageGate
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource served = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once a first response went out, or <see cref="MaxWait"/> after the call; cancelled on stopping.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await served.Task.WaitAsync(MaxWait, TimeProvider.System, ct);
        }
        catch (TimeoutException)
        {
            // nobody asked for a page yet: go ahead
        }
    }

    /// <summary>Whether a first response went out.</summary>
    public bool IsOpen => served.Task.IsCompleted;

    public void Open() => served.TrySetResult();
}
