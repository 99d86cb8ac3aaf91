using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Purrr.Web.Community;

/// <summary>The post editors open in this tab, so a dropped connection can save what they hold at once.</summary>
public sealed class OpenEditors
{
    private readonly List<Func<Task>> savers = [];

    /// <summary>Registers what to run when the connection drops; dispose the result when the editor closes.</summary>
    public IDisposable OnConnectionDown(Func<Task> save)
    {
        lock (savers)
            savers.Add(save);
        return new Registration(this, save);
    }

    internal async Task ConnectionDownAsync()
    {
        Func<Task>[] now;
        lock (savers)
            now = [.. savers];
        foreach (var save in now)
            await save();
    }

    private sealed class Registration(OpenEditors editors, Func<Task> save) : IDisposable
    {
        public void Dispose()
        {
            lock (editors.savers)
                editors.savers.Remove(save);
        }
    }
}

/// <summary>
/// When a tab's connection drops (network gone, laptop shut), every editor in it saves its draft to the server right
/// away, without waiting for the 2-second autosave: the browser may never come back to this circuit.
/// </summary>
public sealed class EditorCircuitHandler(OpenEditors editors) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => editors.ConnectionDownAsync();
}
