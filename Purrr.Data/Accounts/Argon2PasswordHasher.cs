using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Purrr.Data.Accounts;

/// <summary>Argon2id cost (spec §2: 64 MiB, 4 iterations, parallelism 3), from <c>Accounts:Argon2</c>.</summary>
public sealed class Argon2Options
{
    public int MemoryKib { get; set; } = 64 * 1024;
    public int Iterations { get; set; } = 4;
    public int Parallelism { get; set; } = 3;

    /// <summary>Each hash takes ~64 MiB and ~300 ms of both cores: more at once would only queue and eat memory.</summary>
    public int MaxConcurrentHashes { get; set; } = 4;
}

/// <summary>
/// Hashes passwords with Argon2id in the PHC string format
/// (<c>$argon2id$v=19$m=65536,t=4,p=3$salt$hash</c>). Hashes from Identity's default hasher, or made with
/// other Argon2 costs, still verify and are reported as needing a rehash, which Identity then stores.
/// At most <see cref="Argon2Options.MaxConcurrentHashes"/> run at once; sign-ins use
/// <see cref="VerifyHashedPasswordAsync"/>, which waits for a slot without holding a thread-pool thread.
/// </summary>
public sealed class Argon2PasswordHasher(IOptions<Argon2Options> options) : IPasswordHasher<PurrrUser>, IDisposable
{
    private const string Prefix = "$argon2id$v=19$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly Argon2Options cost = options.Value;
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentHashes);
    private readonly PasswordHasher<PurrrUser> legacy = new();

    public string HashPassword(PurrrUser user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash;
        slots.Wait();
        try
        {
            hash = Compute(password, salt, cost.MemoryKib, cost.Iterations, cost.Parallelism, HashBytes);
        }
        finally
        {
            slots.Release();
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={cost.MemoryKib},t={cost.Iterations},p={cost.Parallelism}${ToBase64(salt)}${ToBase64(hash)}");
    }

    public PasswordVerificationResult VerifyHashedPassword(PurrrUser user, string hashedPassword, string providedPassword)
    {
        slots.Wait();
        try
        {
            return Verify(user, hashedPassword, providedPassword);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>The same check, queued for a free slot asynchronously and computed on its own thread.</summary>
    public async Task<PasswordVerificationResult> VerifyHashedPasswordAsync(PurrrUser user, string hashedPassword, string providedPassword)
    {
        await slots.WaitAsync();
        try
        {
            return await Task.Factory.StartNew(() => Verify(user, hashedPassword, providedPassword),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            slots.Release();
        }
    }

    private PasswordVerificationResult Verify(PurrrUser user, string hashedPassword, string providedPassword)
    {
        if (!hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
            return VerifyLegacy(user, hashedPassword, providedPassword);

        if (!TryParse(hashedPassword, out var memory, out var iterations, out var parallelism, out var salt, out var expected))
            return PasswordVerificationResult.Failed;

        var actual = Compute(providedPassword, salt, memory, iterations, parallelism, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            return PasswordVerificationResult.Failed;

        var current = memory == cost.MemoryKib && iterations == cost.Iterations && parallelism == cost.Parallelism;
        return current ? PasswordVerificationResult.Success : PasswordVerificationResult.SuccessRehashNeeded;
    }

    public void Dispose() => slots.Dispose();

    private PasswordVerificationResult VerifyLegacy(PurrrUser user, string hashedPassword, string providedPassword)
    {
        try
        {
            return legacy.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed; // not a hash any hasher of ours made
        }
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int parallelism, int length)
    {
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon2.GetBytes(length);
    }

    private static bool TryParse(string phc, out int memory, out int iterations, out int parallelism, out byte[] salt, out byte[] hash)
    {
        memory = iterations = parallelism = 0;
        salt = hash = [];
        var parts = phc[Prefix.Length..].Split('$');
        if (parts.Length != 3)
            return false;
        foreach (var setting in parts[0].Split(','))
        {
            var pair = setting.Split('=');
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                return false;
            switch (pair[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }
        return memory > 0 && iterations > 0 && parallelism > 0
            && TryFromBase64(parts[1], out salt) && TryFromBase64(parts[2], out hash) && hash.Length > 0;
    }

    // PHC strings use unpadded standard base64.
    private static string ToBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return false;
        bytes = bytes[..written];
        return true;
    }
}
