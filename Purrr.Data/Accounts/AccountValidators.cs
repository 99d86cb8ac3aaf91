using Microsoft.AspNetCore.Identity;
using Purrr.Core.Accounts;

namespace Purrr.Data.Accounts;

/// <summary>Applies Purrr's username rules to every account Identity creates or updates.</summary>
public sealed class PurrrUserValidator : IUserValidator<PurrrUser>
{
    public const string ErrorCode = "UserNameRules";

    public Task<IdentityResult> ValidateAsync(UserManager<PurrrUser> manager, PurrrUser user) =>
        Task.FromResult(AccountRules.CheckUserName(user.UserName) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = problem.Message })
            : IdentityResult.Success);
}

/// <summary>Applies Purrr's password rules (8–100 characters).</summary>
public sealed class PurrrPasswordValidator : IPasswordValidator<PurrrUser>
{
    public const string ErrorCode = "PasswordRules";

    public Task<IdentityResult> ValidateAsync(UserManager<PurrrUser> manager, PurrrUser user, string? password) =>
        Task.FromResult(AccountRules.CheckPassword(password) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = problem.Message })
            : IdentityResult.Success);
}
