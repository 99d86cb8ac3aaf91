using System.Text.Json.Serialization;
using Purrr.Core.Common;

namespace Purrr.Web.Api;

/// <summary>The success envelope of every /api/v1 answer: <c>{ "success": true, "data": … }</c>.</summary>
public sealed record ApiEnvelope<T>(T Data)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

/// <summary>The one way endpoints answer: data in the envelope, failures as ProblemDetails with <c>success: false</c>.</summary>
public static class ApiResults
{
    public static IResult Ok<T>(T data) => TypedResults.Ok(new ApiEnvelope<T>(data));

    /// <summary>A failed Core result as a 400 whose title is the player-readable message; every problem is listed under "errors".</summary>
    public static IResult Problem<T>(Result<T> result, int status = StatusCodes.Status400BadRequest) => Problem(result.Problems, status);

    public static IResult Problem(IReadOnlyList<Problem> problems, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(title: problems[0].Message, statusCode: status, extensions: new Dictionary<string, object?>
        {
            ["success"] = false,
            ["errors"] = problems.Select(p => new { field = p.Field, message = p.Message }).ToList(),
        });

    public static IResult Problem(string title, int status = StatusCodes.Status400BadRequest) => Problem([new Problem(title)], status);

    public static IResult NotFound(string title) => Problem(title, StatusCodes.Status404NotFound);

    /// <summary>Success as data (mapped by <paramref name="map"/>), failure as a 400.</summary>
    public static IResult From<T, TData>(Result<T> result, Func<T, TData> map) => result.Succeeded ? Ok(map(result.Value)) : Problem(result);

    public static IResult From<T>(Result<T> result) => From(result, value => value);

    /// <summary>For handlers outside an endpoint (authentication): a ProblemDetails body through the app's problem writer.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        var written = await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title },
        });
        if (!written)
            await context.Response.WriteAsJsonAsync(new { success = false, status, title });
    }
}
