using Microsoft.AspNetCore.Identity;
using Purrr.Core.Accounts;
using Purrr.Core.Common;

namespace Purrr.Data;

/// <summary>A sign-in account. Its key is the player's <see cref="UserId"/>, so the profile shares it.</summary>
public sealed class PurrrUser : IdentityUser<UserId>
{
    /// <summary>The player's profile, created in the same save as the account.</summary>
    public Player? Player { get; set; }
}

/// <summary>Identity makes the role key the same type as the user key; a role id is still just a Guid.</summary>
public sealed class PurrrRole : IdentityRole<UserId>
{
    public PurrrRole() { }

    public PurrrRole(string name) : base(name) => Id = UserId.New();
}
