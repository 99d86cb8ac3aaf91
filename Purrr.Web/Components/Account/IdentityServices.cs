using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Purrr.Core.Accounts;
using Purrr.Data;
using Purrr.Data.Accounts;

namespace Purrr.Web.Components.Account;

public static class IdentityServices
{
    /// <summary>Cookie sign-in with Purrr's account rules (spec §2): Argon2id, lockout 5 → 15 min, unique email.</summary>
    public static IServiceCollection AddPurrrIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<PurrrSignIn>();
        services.AddScoped<CurrentPlayer>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "purrr.auth";
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
        });

        // A cookie whose account was signed out everywhere (or changed role) stops working within a minute, not 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Registered before AddIdentityCore, whose default hasher is only a fallback (TryAdd).
        services.AddSingleton<IPasswordHasher<PurrrUser>, Argon2PasswordHasher>();

        var requireConfirmedEmail = configuration.GetValue("Accounts:RequireConfirmedEmail", !environment.IsDevelopment());
        services.AddIdentityCore<PurrrUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = AccountRules.UserNameCharacters;
                options.Password.RequiredLength = AccountRules.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = requireConfirmedEmail;
                options.SignIn.RequireConfirmedEmail = requireConfirmedEmail;
            })
            .AddRoles<PurrrRole>()
            .AddUserManager<PurrrUserManager>()
            .AddEntityFrameworkStores<PurrrDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddUserValidator<PurrrUserValidator>()
            .AddPasswordValidator<PurrrPasswordValidator>();

        services.AddSingleton<IEmailSender<PurrrUser>, IdentityMailer>();
        // A deleted account's new security stamp ends its cookies on other devices within a minute (not 30).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }
}
