namespace Purrr.Tests.Infrastructure;

public static class Names
{
    /// <summary>A username no other test uses (3–20 characters, as the rules want).</summary>
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(20, prefix.Length + 12)];
}
