using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Purrr.Data.Accounts;

/// <summary>
/// Identity's user manager, except that password checks (every sign-in) go through the Argon2 hasher's async
/// path: a burst of sign-ins queues for hashing slots instead of blocking request threads for ~300 ms each.
/// </summary>
public sealed class PurrrUserManager(
    IUserStore<PurrrUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PurrrUser> passwordHasher,
    IEnumerable<IUserValidator<PurrrUser>> userValidators,
    IEnumerable<IPasswordValidator<PurrrUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PurrrUser>> logger)
    : UserManager<PurrrUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(IUserPasswordStore<PurrrUser> store, PurrrUser user, string password)
    {
        if (PasswordHasher is not Argon2PasswordHasher argon2)
            return await base.VerifyPasswordAsync(store, user, password);
        var hash = await store.GetPasswordHashAsync(user, CancellationToken);
        return hash is null ? PasswordVerificationResult.Failed : await argon2.VerifyHashedPasswordAsync(user, hash, password);
    }
}
