using Microsoft.Extensions.Configuration;

namespace Purrr.Data;

/// <summary>Where Purrr keeps its files: the SQLite database, uploads, the mail drop, key ring and model files.</summary>
public sealed class PurrrStorage
{
    public PurrrStorage(string dataFolder)
    {
        DataFolder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(DataFolder);
    }

    public string DataFolder { get; }

    public string MailFolder => Subfolder("mail");

    public string KeysFolder => Subfolder("keys");

    /// <summary>Uploaded images, re-encoded, one file per image named by its id.</summary>
    public string ImagesFolder => Subfolder("images");

    /// <summary>Trained models (the personality model and what is known about it).</summary>
    public string ModelsFolder => Subfolder("models");

    public string SqliteFile => Path.Combine(DataFolder, "purrr.db");

    /// <summary>Reads <c>Storage:DataFolder</c> (default <c>data/</c> under the content root) and creates it if missing.</summary>
    public static PurrrStorage From(IConfiguration configuration, string contentRoot) =>
        new(Path.Combine(contentRoot, configuration["Storage:DataFolder"] is { Length: > 0 } folder ? folder : "data"));

    private string Subfolder(string name)
    {
        var path = Path.Combine(DataFolder, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
