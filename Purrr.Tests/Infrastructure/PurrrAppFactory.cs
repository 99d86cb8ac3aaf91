using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Cats;
using Purrr.Data;
using Purrr.Data.Accounts;

namespace Purrr.Tests.Infrastructure;

/// <summary>
/// The whole app in-process on its own temporary data folder (fresh SQLite database, mail drop, keys).
/// Argon2 runs with a small cost here so that sign-ups don't dominate the suite; the hasher's own tests use the real cost.
/// </summary>
public class PurrrAppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder? ownedFolder;

    /// <summary>An app on a fresh data folder of its own, removed when it is disposed.</summary>
    public PurrrAppFactory() : this(new TempFolder("purrr-app-")) { }

    private PurrrAppFactory(TempFolder folder) : this(folder.Path) => ownedFolder = folder;

    /// <summary>An app on an existing data folder, which it leaves in place (see <see cref="PurrrAppOnFolder"/>).</summary>
    protected PurrrAppFactory(string dataFolder) => DataFolder = dataFolder;

    public string DataFolder { get; }

    /// <summary>The app's clock, when a test needs to move time; null keeps the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Last word on services, e.g. pinning the dice.</summary>
    public Action<IServiceCollection>? OverrideServices { get; init; }

    /// <summary>Seconds between night-watch ticks; long by default, so tests tick when they choose.</summary>
    public int NightWatchTickSeconds { get; init; } = 3600;

    /// <summary>Send webhooks from the outbox in the background (off: the outbox only fills).</summary>
    public bool RunWebhookWorker { get; init; } = true;

    /// <summary>Seed the demo world at start.</summary>
    public bool SeedDemoWorld { get; init; }

    /// <summary>Seed the demo neighbourhood after start, as the app does (off: all of it before the first request).</summary>
    public bool SeedDemoInBackground { get; init; }

    /// <summary>Require a confirmed email to sign in, as outside Development.</summary>
    public bool RequireConfirmedEmail { get; init; }

    /// <summary>The links in the newest mail sent to <paramref name="address"/> (the app's mail drop).</summary>
    public IReadOnlyList<string> LinksInLatestMailTo(string address)
    {
        var mail = Directory.GetFiles(Path.Combine(DataFolder, "mail"), "*.html")
            .Where(f => File.ReadAllText(f).Contains($"To: {address}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .LastOrDefault() ?? throw new InvalidOperationException($"No mail to {address}.");
        return System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(mail), "href=\"([^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
            .ToList();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Demo:Seed", SeedDemoWorld ? "true" : "false");
        builder.UseSetting("Demo:Background", SeedDemoInBackground ? "true" : "false");
        builder.UseSetting("Accounts:RequireConfirmedEmail", RequireConfirmedEmail ? "true" : "false");
        builder.UseSetting("Accounts:Argon2:MemoryKib", "1024");
        builder.UseSetting("Accounts:Argon2:Iterations", "1");
        builder.UseSetting("Accounts:Argon2:Parallelism", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Breeding:DeliveryCheckSeconds", "1");
        builder.UseSetting("NightWatch:TickSeconds", NightWatchTickSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("HealthDevices:SilenceTickSeconds", "3600"); // tests tick SilenceWatch by hand
        builder.UseSetting("Territories:TickSeconds", "3600"); // tests tick territories by hand
        // The tests' own webhook listeners run on 127.0.0.1: allowed here explicitly, refused by default.
        builder.UseSetting("Webhooks:AllowLoopback", "true");
        builder.UseSetting("Webhooks:PollSeconds", "1");
        builder.UseSetting("Webhooks:RunWorker", RunWebhookWorker ? "true" : "false");
        builder.UseSetting("Presence:ReportEverySeconds", "1"); // a browser's input reaches presence within a second
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
                services.AddSingleton(Clock);
            services.AddSingleton(_ => TrainedPersonalityModel.NewStore()); // trained once per test run, not at each app's start
            OverrideServices?.Invoke(services);
        });
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A player registered straight through the services (no sign-up clicks) with these cats; returns the cats.</summary>
    public Task<Cat[]> RegisterPlayerWithCatsAsync(string userName, params ACat[] cats) =>
        InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            var db = sp.GetRequiredService<PurrrDbContext>();
            var built = cats.Select(cat => cat.OwnedBy(player.Id).Build()).ToArray();
            db.Cats.AddRange(built);
            await db.SaveChangesAsync();
            return built;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ownedFolder?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, for Chromium: the demo world, and a clock tests can move forward.
/// </summary>
public class PurrrServer : PurrrAppFactory
{
    public PurrrServer()
    {
        SeedDemoWorld = true;
        Clock = ShiftedClock;
        UseKestrel(0);
    }

    /// <summary>Listens with <paramref name="protocols"/> only (e.g. HTTP/2 without TLS, as perf.sh's second endpoint).</summary>
    protected PurrrServer(HttpProtocols protocols)
    {
        SeedDemoWorld = true;
        Clock = ShiftedClock;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
    }

    public ShiftedTimeProvider ShiftedClock { get; } = new();

    public string BaseUrl
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/') + "/";
        }
    }
}

/// <summary>The app on an existing data folder, e.g. to start the same world again; the folder is kept.</summary>
public sealed class PurrrAppOnFolder(string dataFolder) : PurrrAppFactory(dataFolder);

/// <summary>
/// <see cref="PurrrServer"/> speaking only HTTP/2 without TLS (prior knowledge), as perf.sh's second endpoint where
/// circuits share connections; with the load tests' process metrics on.
/// </summary>
public sealed class PurrrHttp2Server() : PurrrServer(HttpProtocols.Http2)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Perf:ProcessMetrics", "true");
    }
}
