using System.Text.Json;
using Purrr.Core.PersonalityAnalysis;

namespace Purrr.Data.PersonalityAnalysis;

/// <summary>The personality model as two files under the data folder: ML.NET's zip and a small JSON about it.</summary>
public sealed class FilePersonalityModelStore(PurrrStorage storage) : IPersonalityModelStore
{
    private string ModelFile => Path.Combine(storage.ModelsFolder, "personality.zip");
    private string InfoFile => Path.Combine(storage.ModelsFolder, "personality.json");

    public async Task<StoredPersonalityModel?> LoadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(ModelFile) || !File.Exists(InfoFile))
            return null;
        var info = JsonSerializer.Deserialize<PersonalityModelInfo>(await File.ReadAllTextAsync(InfoFile, ct));
        return info is null ? null : new StoredPersonalityModel(await File.ReadAllBytesAsync(ModelFile, ct), info);
    }

    public async Task SaveAsync(StoredPersonalityModel model, CancellationToken ct = default)
    {
        // Written beside, then moved over the old files: a crash mid-write leaves the previous model whole.
        await WriteAsync(ModelFile, model.Model, ct);
        await WriteAsync(InfoFile, JsonSerializer.SerializeToUtf8Bytes(model.Info), ct);
    }

    private static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
        File.Move(temporary, path, overwrite: true);
    }
}
