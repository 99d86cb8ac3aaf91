using System.Text.Json;

namespace Purrr.Cli;

/// <summary>Where <c>purrr login</c> keeps the server and key: <c>~/.purrr/config.json</c>, readable by its owner only.</summary>
public sealed record CliConfig(string ServerUrl, string ApiKey)
{
    public const string FileName = "config.json";

    /// <summary>Overrides the folder (~/.purrr), for tests and for several accounts side by side.</summary>
    public const string DirectoryVariable = "PURRR_CONFIG_DIR";

    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".purrr");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The saved login, or null when there is none (or it cannot be read).</summary>
    public static CliConfig? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return null;
        try
        {
            var config = JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(path), Json);
            return config is { ServerUrl.Length: > 0, ApiKey.Length: > 0 } ? config : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file with mode 600 from the start, so the key is never readable by others, even for a moment.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
            JsonSerializer.Serialize(stream, this, Json);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an older file keeps its mode on create
    }
}
