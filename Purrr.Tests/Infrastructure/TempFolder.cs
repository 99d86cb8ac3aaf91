using Microsoft.Data.Sqlite;

namespace Purrr.Tests.Infrastructure;

/// <summary>
/// A fresh temporary folder for one test, removed on dispose. SQLite may hold a database file in it a moment longer
/// (pooled connections, a host still shutting down), so dispose first releases SQLite's pools and a folder that still
/// cannot be removed is left for the OS's temp cleaning rather than failing the test.
/// </summary>
public sealed class TempFolder : IDisposable, IAsyncDisposable
{
    public TempFolder(string prefix = "purrr-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    public override string ToString() => Path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (Windows reports it as either); the OS cleans temp folders.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
