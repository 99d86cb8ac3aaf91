using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Purrr.Data;
using Purrr.Data.Accounts;

namespace Purrr.Tests.Accounts;

[Trait("Category", "Unit")]
public class Argon2PasswordHasherTests
{
    private static readonly PurrrUser User = new() { UserName = "luna" };

    private static Argon2PasswordHasher Hasher(int memoryKib = 1024, int iterations = 1, int parallelism = 1) =>
        new(Options.Create(new Argon2Options { MemoryKib = memoryKib, Iterations = iterations, Parallelism = parallelism }));

    [Fact]
    public void With_the_spec_cost_a_hash_is_argon2id_64MiB_4_iterations_parallelism_3_and_verifies()
    {
        using var hasher = new Argon2PasswordHasher(Options.Create(new Argon2Options())); // the defaults are the spec's
        var hash = hasher.HashPassword(User, "correct horse");

        Assert.StartsWith("$argon2id$v=19$m=65536,t=4,p=3$", hash);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, hash, "correct horse"));
    }

    [Fact]
    public void A_wrong_password_fails()
    {
        using var hasher = Hasher();
        var hash = hasher.HashPassword(User, "correct horse");
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, hash, "correct hors"));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        using var hasher = Hasher();
        Assert.NotEqual(hasher.HashPassword(User, "correct horse"), hasher.HashPassword(User, "correct horse"));
    }

    [Fact]
    public void A_hash_from_identitys_default_hasher_verifies_and_asks_for_an_upgrade()
    {
        using var hasher = Hasher();
        var legacyHash = new PasswordHasher<PurrrUser>().HashPassword(User, "correct horse");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(User, legacyHash, "correct horse"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, legacyHash, "wrong horse"));
    }

    [Fact]
    public void A_hash_made_with_an_older_cost_verifies_and_asks_for_an_upgrade()
    {
        using var cheap = Hasher(memoryKib: 512);
        using var current = Hasher(memoryKib: 1024);
        var oldHash = cheap.HashPassword(User, "correct horse");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, current.VerifyHashedPassword(User, oldHash, "correct horse"));
    }

    [Fact]
    public async Task The_async_check_used_at_sign_in_gives_the_same_answers()
    {
        using var hasher = Hasher();
        var hash = hasher.HashPassword(User, "correct horse");
        var legacyHash = new PasswordHasher<PurrrUser>().HashPassword(User, "correct horse");

        var results = await Task.WhenAll(
            hasher.VerifyHashedPasswordAsync(User, hash, "correct horse"),
            hasher.VerifyHashedPasswordAsync(User, hash, "wrong horse"),
            hasher.VerifyHashedPasswordAsync(User, legacyHash, "correct horse"));

        Assert.Equal([PasswordVerificationResult.Success, PasswordVerificationResult.Failed, PasswordVerificationResult.SuccessRehashNeeded], results);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2id$v=19$m=1024,t=1$c2FsdA$aGFzaA")] // missing parallelism
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$%%%$aGFzaA")] // bad base64
    public void Garbage_never_verifies(string stored)
    {
        using var hasher = Hasher();
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, stored, "correct horse"));
    }
}
