using Purrr.Core.Common;

namespace Purrr.Core.Security;

public enum SecurityEventType
{
    LoginFailed,
    LoginLocked,
    CsrfFailed,
    RateLimited,
    UnauthorizedAccess,
    ApiKeyMisuse,
    IpAutoBanned,
    LoginSucceeded,
    PasswordChanged,
    AccountCreated,
}

public enum SecuritySeverity { Low, Medium, High, Critical }

/// <summary>One row of the security log that admins read.</summary>
public sealed class SecurityEvent
{
    public const int DetailMaxLength = 500;

    private SecurityEvent() { } // for EF Core

    public long Id { get; private set; }
    public SecurityEventType Type { get; private set; }
    public SecuritySeverity Severity { get; private set; }
    public UserId? UserId { get; private set; }
    public string? IpAddress { get; private set; }
    public string Detail { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The spec's name for the type, e.g. LOGIN_FAILED.</summary>
    public string Code => SecurityEvents.Code(Type);

    internal static SecurityEvent Create(SecurityEventType type, UserId? userId, string? ipAddress, string detail, DateTimeOffset now) => new()
    {
        Type = type,
        Severity = SecurityEvents.SeverityOf(type),
        UserId = userId,
        IpAddress = ipAddress,
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail,
        OccurredAt = now,
    };
}

public static class SecurityEvents
{
    /// <summary>Severity per spec §2; every type not named there is low.</summary>
    public static SecuritySeverity SeverityOf(SecurityEventType type) => type switch
    {
        SecurityEventType.LoginFailed or SecurityEventType.RateLimited => SecuritySeverity.Medium,
        SecurityEventType.LoginLocked or SecurityEventType.CsrfFailed or SecurityEventType.UnauthorizedAccess
            or SecurityEventType.ApiKeyMisuse => SecuritySeverity.High,
        SecurityEventType.IpAutoBanned => SecuritySeverity.Critical,
        _ => SecuritySeverity.Low,
    };

    public static string Code(SecurityEventType type) => type switch
    {
        SecurityEventType.LoginFailed => "LOGIN_FAILED",
        SecurityEventType.LoginLocked => "LOGIN_LOCKED",
        SecurityEventType.CsrfFailed => "CSRF_FAILED",
        SecurityEventType.RateLimited => "RATE_LIMITED",
        SecurityEventType.UnauthorizedAccess => "UNAUTHORIZED_ACCESS",
        SecurityEventType.ApiKeyMisuse => "API_KEY_MISUSE",
        SecurityEventType.IpAutoBanned => "IP_AUTO_BANNED",
        SecurityEventType.LoginSucceeded => "LOGIN_SUCCEEDED",
        SecurityEventType.PasswordChanged => "PASSWORD_CHANGED",
        SecurityEventType.AccountCreated => "ACCOUNT_CREATED",
        _ => type.ToString().ToUpperInvariant(),
    };
}
