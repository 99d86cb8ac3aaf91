using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Purrr.Core;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Tests.Infrastructure;

public static class ComponentTestContext
{
    /// <summary>The circuit id components see (what a real circuit handler would set).</summary>
    public const string Circuit = "test-circuit";

    /// <summary>
    /// A bUnit context rendering as over a live circuit, with MudBlazor and Purrr's Core services over
    /// <paramref name="database"/>, the clock and seed pinned, and <paramref name="signedIn"/> as the user (or a visitor).
    /// Pass the test's own <paramref name="clock"/> so that services and components read one clock; by default the
    /// components get a clock of their own, fixed at <see cref="TestClock.Noon"/>. <paramref name="services"/> adds what a
    /// test's components need beyond Core (fakes of browser-side services, stores).
    /// </summary>
    public static BunitContext Create(TestDatabase? database = null, (UserId Id, string UserName)? signedIn = null, int seed = 42,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null, params string[] roles)
    {
        // WaitFor* gives up after 5 s instead of 1: the suite shares a busy 2-core machine (a render that needs a
        // database round trip can take longer than a second there); a passing wait still returns at once.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(5);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(clock ?? TestClock.AtNoon());
        context.Services.AddSingleton<IRandomSource>(new SeededRandomSource(seed));
        if (database is not null)
        {
            context.Services.AddSingleton<IPurrrDbFactory>(database.Factory);
            // Uploads land in the test's own data folder.
            context.Services.AddSingleton(new Purrr.Data.PurrrStorage(database.FolderPath));
            context.Services.AddSingleton<Purrr.Core.Community.IImageStore, Purrr.Data.Community.SkiaImageStore>();
            context.Services.AddSingleton<Purrr.Core.Search.IPostSearch>(new Purrr.Data.Search.SqlitePostSearch(database.Contexts));
        }
        context.Services.AddPurrrCore();
        context.Services.AddSingleton(_ => TrainedPersonalityModel.NewStore());
        context.Services.AddSingleton<Purrr.Core.Blockchain.IWalletCrypto, Purrr.Data.Blockchain.NethereumWalletCrypto>();
        context.Services.AddSingleton<Purrr.Core.Blockchain.INftChain, Purrr.Data.Blockchain.NethereumNftChain>();
        context.Services.AddSingleton<Purrr.Core.Blockchain.IChainGateway, Purrr.Data.Blockchain.NethereumChainGateway>();
        context.Services.AddScoped<Purrr.Web.Components.Account.CurrentPlayer>();
        context.Services.AddScoped(_ => new Purrr.Web.Rooms.CurrentCircuit { Id = Circuit });
        services?.Invoke(context.Services);

        var auth = context.AddAuthorization();
        if (signedIn is { } player)
        {
            auth.SetAuthorized(player.UserName);
            if (roles.Length > 0)
                auth.SetRoles(roles);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, player.Id.ToString())); // after the roles: setting them drops earlier claims
        }
        else
        {
            auth.SetNotAuthorized();
        }

        // Last: this builds the service provider, after which nothing can be registered.
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
