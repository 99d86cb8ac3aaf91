using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Purrr.Core;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Tests.Infrastructure;

public static class ComponentTestContext
{
    /// <summary>A bUnit context with MudBlazor and Purrr's Core services over <paramref name="database"/>, clock and seed pinned.</summary>
    public static BunitContext Create(TestDatabase? database = null, int seed = 42)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(TestClock.AtNoon());
        context.Services.AddSingleton<IRandomSource>(new SeededRandomSource(seed));
        if (database is not null)
            context.Services.AddSingleton<IPurrrDbFactory>(database.Factory);
        context.Services.AddPurrrCore();
        return context;
    }

    /// <summary>Signs the component's user in as a player.</summary>
    public static void SignInAs(this BunitContext context, UserId player, string userName)
    {
        var auth = context.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, player.ToString()));
    }
}
