using System.Text;
using Microsoft.AspNetCore.Authorization;
using Purrr.Core.Accounts;
using Purrr.Core.Admin.Users;
using Purrr.Web.Components.Account;

namespace Purrr.Web.Admin;

public static class UserExportEndpoint
{
    public const string Path = "/admin/users.csv";

    /// <summary>The download link for the users an admin is looking at (the same filter as the list).</summary>
    public static string For(UserFilter filter)
    {
        var query = new List<string>();
        if (filter.Search is { Length: > 0 } search)
            query.Add($"search={Uri.EscapeDataString(search)}");
        if (filter.Role is { } role)
            query.Add($"role={role}");
        if (filter.Status is { } status)
            query.Add($"status={status}");
        return query.Count == 0 ? Path : $"{Path}?{string.Join("&", query)}";
    }

    /// <summary>GET /admin/users.csv?search=&amp;role=&amp;status=: every matching user as a CSV download (admins only; audited).</summary>
    public static IEndpointRouteBuilder MapUserExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext http, UserAdminService users, TimeProvider clock, string? search, string? role, UserStatus? status,
            CancellationToken ct) =>
        {
            if (role is not null && !Roles.All.Contains(role))
                return Results.Problem("Choose Player, Moderator or Admin.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown role");
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"purrr-users-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
            // Nothing reaches the body before the service has checked the admin, so a refusal can still set the status
            // (the writer is flushed only on success: flushing starts the response).
            var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            var exported = await users.ExportCsvAsync(http.User.GetUserId()!.Value, new UserFilter(search, role, status), writer, ct);
            if (!exported.Succeeded)
            {
                http.Response.Headers.ContentDisposition = default;
                return Results.Problem(exported.FirstMessage, statusCode: StatusCodes.Status403Forbidden);
            }
            await writer.DisposeAsync();
            return Results.Empty;
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        return app;
    }
}
