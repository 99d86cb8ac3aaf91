using Purrr.Core.Security;

namespace Purrr.Tests.Accounts;

[Trait("Category", "Unit")]
public class SecurityEventsTests
{
    [Theory]
    [InlineData(SecurityEventType.LoginFailed, SecuritySeverity.Medium, "LOGIN_FAILED")]
    [InlineData(SecurityEventType.LoginLocked, SecuritySeverity.High, "LOGIN_LOCKED")]
    [InlineData(SecurityEventType.CsrfFailed, SecuritySeverity.High, "CSRF_FAILED")]
    [InlineData(SecurityEventType.RateLimited, SecuritySeverity.Medium, "RATE_LIMITED")]
    [InlineData(SecurityEventType.UnauthorizedAccess, SecuritySeverity.High, "UNAUTHORIZED_ACCESS")]
    [InlineData(SecurityEventType.ApiKeyMisuse, SecuritySeverity.High, "API_KEY_MISUSE")]
    [InlineData(SecurityEventType.IpAutoBanned, SecuritySeverity.Critical, "IP_AUTO_BANNED")]
    [InlineData(SecurityEventType.LoginSucceeded, SecuritySeverity.Low, "LOGIN_SUCCEEDED")]
    public void Each_event_has_the_spec_severity_and_code(SecurityEventType type, SecuritySeverity severity, string code)
    {
        Assert.Equal(severity, SecurityEvents.SeverityOf(type));
        Assert.Equal(code, SecurityEvents.Code(type));
    }
}
