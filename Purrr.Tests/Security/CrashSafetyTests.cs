using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Breeding;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Notifications;
using Purrr.Core.Webhooks;
using Purrr.Data.Testing;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// kill -9 in the middle of background work: the real app (Purrr.Web.dll) runs as its own process on this test's
/// SQLite file, its worker starts the operation, the process is SIGKILLed inside it (at a <see cref="CrashPoint"/>:
/// everything written, the commit not yet done; or while a webhook receiver holds the request open), then a fresh
/// process runs on the same file. Each operation ends up done exactly once, with nothing half-written in between.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CrashSafetyTests : ServiceTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PostService Posts => new(Database.Factory, Clock, Random, Bus, new PostRenderer());

    /// <summary>The world of these tests starts three hours ago, so what they schedule is already due for the real clock.</summary>
    private void StartThreeHoursAgo() => Clock.AdjustTime(DateTimeOffset.UtcNow.AddHours(-3));

    [Fact]
    public async Task A_litter_killed_mid_delivery_is_born_once_after_restart()
    {
        StartThreeHoursAgo();
        Random = new FixedRoll(0);
        var luna = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(
            ACat.SocialButterfly().Named("Mochi").OwnedBy(luna).ReadyToBreed().WithGenome("B/b D/d T/t S/s Cu/Bl L/l 70/60/50/80").Build(),
            ACat.Aloof().Named("Shadow").OwnedBy(luna).ReadyToBreed().WithGenome("O/b d/d t/t s/s Gr/Bl l/l 50/80/70/60").Build());
        var bred = await Breeding.BreedAsync(luna, cats[0].Id, cats[1].Id, "crash-k1");
        Assert.True(bred.Value.Conceived);

        await using (var app = AppProcess.Start(Database, pauseAt: nameof(Pregnancy)))
            await app.PausedAsync(); // kittens, their events and the delivered pregnancy are written, not committed

        await using (var db = Database.NewContext())
        {
            Assert.Null((await db.Pregnancies.SingleAsync()).BornAt);
            Assert.Equal(2, await db.Cats.CountAsync(c => c.OwnerId == luna));
            Assert.Equal(0, await db.CatEvents.CountAsync(e => e.Type == Core.Cats.CatEventType.Born));
        }

        await using (var app = AppProcess.Start(Database))
        {
            await app.WaitUntilAsync(async db => (await db.Pregnancies.SingleAsync()).BornAt is not null);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // two more delivery checks: none may deliver again
        }

        await using (var db = Database.NewContext())
        {
            var pregnancy = await db.Pregnancies.SingleAsync();
            Assert.InRange(pregnancy.LitterSize, 1, 10);
            Assert.Equal(2 + pregnancy.LitterSize, await db.Cats.CountAsync(c => c.OwnerId == luna));
            Assert.Equal(pregnancy.LitterSize, await db.CatEvents.CountAsync(e => e.Type == Core.Cats.CatEventType.Born));
        }
    }

    [Fact]
    public async Task A_scheduled_post_killed_mid_publish_is_published_once_with_one_mention_after_restart()
    {
        StartThreeHoursAgo();
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var scheduled = await Posts.ScheduleAsync(luna, null, new PostInput("Mochi's first snow", "She sniffed it, then sat in it. @milo, look!", "", []),
            Clock.GetUtcNow().AddHours(1));
        Assert.True(scheduled.Succeeded, scheduled.FirstMessage);

        await using (var app = AppProcess.Start(Database, pauseAt: nameof(Post)))
            await app.PausedAsync(); // the post is published and the mention written, not committed

        await using (var db = Database.NewContext())
        {
            Assert.Equal(PostStatus.Scheduled, (await db.Posts.SingleAsync()).Status);
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.RecipientId == milo));
        }

        await using (var app = AppProcess.Start(Database))
        {
            await app.WaitUntilAsync(async db => (await db.Posts.SingleAsync()).Status == PostStatus.Published);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // two more schedule checks: none may publish again
        }

        await using (var db = Database.NewContext())
        {
            var post = await db.Posts.SingleAsync();
            Assert.Equal(PostStatus.Published, post.Status);
            Assert.NotNull(post.PublishedAt);
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.RecipientId == milo && n.Type == NotificationType.Mention));
        }
    }

    [Theory]
    [InlineData(nameof(Core.Cats.Cat))] // before the first page: the admin's account is in, its cats are being saved
    [InlineData(nameof(Core.LostPets.LostPet))] // in the background: homes and follows are in, the first lost pet is being saved
    public async Task A_demo_world_killed_mid_seeding_is_completed_once_at_the_next_start(string pauseAt)
    {
        var demo = new Dictionary<string, string> { ["Demo__Seed"] = "true", ["Demo__Background"] = "true" };
        var marker = Path.Combine(Database.FolderPath, "demo-world.pending");

        await using (var app = AppProcess.Start(Database, pauseAt, demo))
            await app.PausedAsync();
        Assert.True(File.Exists(marker), "The unfinished seeding left no trace.");

        await using (var app = AppProcess.Start(Database, settings: demo))
            await app.WaitUntilAsync(_ => Task.FromResult(!File.Exists(marker)));

        await using var db = Database.NewContext();
        var admin = await db.Users.SingleAsync(u => u.UserName == Data.Setup.DemoWorld.AdminUserName);
        var world = $"players {await db.Players.CountAsync()}, cats {await db.Cats.CountAsync()}, admin's cats {await db.Cats.CountAsync(c => c.OwnerId == admin.Id)}, " +
            $"confirmed {await db.Users.CountAsync(u => u.EmailConfirmed)}, homes {await db.Players.CountAsync(p => p.HomeLatitude != null)}, " +
            $"zones {await db.ProtectionZones.CountAsync()}, follows {await db.Follows.CountAsync()}, lost pets {await db.LostPets.CountAsync()}, " +
            $"found {await db.LostPets.CountAsync(p => p.Status == Core.LostPets.LostPetStatus.Found)}, sightings {await db.LostPetSightings.CountAsync()}, " +
            $"posts {await db.Posts.CountAsync()}, comments {await db.Comments.CountAsync()}, reactions {await db.Reactions.CountAsync()}";
        Assert.Equal("players 5, cats 13, admin's cats 2, confirmed 5, homes 3, zones 5, follows 12, lost pets 12, found 1, sightings 6, " +
            "posts 4, comments 6, reactions 10", world);
        var roles = await (from link in db.UserRoles join role in db.Roles on link.RoleId equals role.Id
                           join user in db.Users on link.UserId equals user.Id
                           where role.Name != Core.Accounts.Roles.Player select user.UserName + ":" + role.Name).ToListAsync();
        Assert.Equal(["admin:Admin", "luna:Moderator"], roles.Order());
    }

    [Fact]
    public async Task A_night_watch_tick_killed_mid_save_leaves_patrols_whole_and_the_next_tick_ends_the_patrol_once()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero)); // 23:00 in Paris: patrols may go out
        var patrols = new List<Guid>();
        foreach (var name in new[] { "luna", "milo" })
        {
            var player = await NewPlayerAsync(name);
            var cats = await Database.AddCatsAsync(ACat.Playful().Named($"{name}-cat").OwnedBy(player).Build(), ACat.Territorial().Named($"{name}-guard").OwnedBy(player).Build());
            await NightWatch.SetHomeAsync(player, 48.853, 2.35);
            var sent = await NightWatch.DeployAsync(player, cats.Select(c => new Core.NightWatch.DeployRequest(c.Id)).ToList());
            Assert.True(sent.Succeeded, sent.FirstMessage);
            patrols.Add(sent.Value.Id);
        }
        // For the real clock the app runs on: luna's patrol saw dawn while the app was down, milo's is out for another hour.
        await using (var db = Database.NewContext())
        {
            await db.Patrols.Where(p => p.Id == patrols[0]).ExecuteUpdateAsync(s => s.SetProperty(p => p.EndsAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.Patrols.Where(p => p.Id == patrols[1]).ExecuteUpdateAsync(s => s.SetProperty(p => p.EndsAt, DateTimeOffset.UtcNow.AddHours(1)));
        }
        var nightWatch = new Dictionary<string, string> { ["NightWatch__TickSeconds"] = "1" };

        await using (var app = AppProcess.Start(Database, pauseAt: nameof(Core.NightWatch.Patrol), nightWatch))
            await app.PausedAsync(); // luna's patrol ended and milo's ticked, in memory and in the open transaction

        await using (var db = Database.NewContext())
        {
            Assert.All(await db.Patrols.ToListAsync(), p => Assert.Equal((Core.NightWatch.PatrolStatus.Active, 0, 0), (p.Status, p.Encounters, p.XpEarned)));
            Assert.All(await db.NightWatchEvents.ToListAsync(), e => Assert.Equal(Core.NightWatch.NightEventKind.PatrolStarted, e.Kind));
            Assert.Equal(0, await db.PatrolCats.SumAsync(c => c.XpEarned));
        }

        await using (var app = AppProcess.Start(Database, settings: nightWatch))
        {
            await app.WaitUntilAsync(async db => (await db.Patrols.SingleAsync(p => p.Id == patrols[0])).Status == Core.NightWatch.PatrolStatus.Completed);
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // more ticks: the patrol comes home only once
        }

        await using (var check = Database.NewContext())
        {
            var events = await check.NightWatchEvents.ToListAsync();
            Assert.Single(events, e => e.PatrolId == patrols[0] && e.Kind == Core.NightWatch.NightEventKind.PatrolEnded);
            Assert.Equal(1, await check.ActivityEvents.CountAsync(a => a.Kind == Core.Activity.ActivityKind.PatrolCompleted));
            foreach (var patrol in await check.Patrols.ToListAsync())
            {
                // Every tick that counted was saved whole: the patrol's totals match its cats' and its events.
                Assert.Equal(patrol.XpEarned, await check.PatrolCats.Where(c => c.PatrolId == patrol.Id).SumAsync(c => c.XpEarned));
                Assert.Equal(patrol.Encounters, events.Count(e => e.PatrolId == patrol.Id && e.Kind == Core.NightWatch.NightEventKind.Encounter));
            }
            Assert.Equal(Core.NightWatch.PatrolStatus.Active, (await check.Patrols.SingleAsync(p => p.Id == patrols[1])).Status);
        }
    }

    [Fact]
    public async Task A_webhook_killed_mid_request_is_delivered_once_after_restart_with_the_same_delivery_id()
    {
        StartThreeHoursAgo();
        var luna = await NewPlayerAsync("luna");
        using var receiver = new HoldingReceiver();
        var hooks = new WebhookService(Database.Factory, Clock, Bus, Options.Create(new WebhookOptions { AllowLoopback = true, AllowHttpLoopback = true }));
        var hook = (await hooks.CreateAsync(luna, new WebhookDraft(receiver.Url, [WebhookEventTypes.CatCreated]))).Value;
        Assert.True((await hooks.SendTestAsync(luna, hook.Id)).Succeeded);

        await using (var app = AppProcess.Start(Database))
            await receiver.FirstRequest.WaitAsync(Patience); // the receiver holds it open; the app dies waiting

        await using (var db = Database.NewContext())
        {
            var pending = await db.WebhookDeliveries.SingleAsync();
            Assert.Equal(WebhookDeliveryStatus.Pending, pending.Status);
            // The dead process had claimed the delivery for WebhookRules.ClaimLease (30 s); let that time pass.
            await db.WebhookDeliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        receiver.AnswerFromNowOn();
        await using (var app = AppProcess.Start(Database))
            await app.WaitUntilAsync(async db => (await db.WebhookDeliveries.SingleAsync()).Status == WebhookDeliveryStatus.Delivered);

        await using (var check = Database.NewContext())
        {
            var delivery = await check.WebhookDeliveries.SingleAsync();
            Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
            Assert.Empty(await check.WebhookEvents.ToListAsync());
            // At least once: the receiver saw a resend, under the same delivery id it dedupes by.
            Assert.True(receiver.DeliveryIds.Count >= 2, $"{receiver.DeliveryIds.Count} request(s)");
            Assert.All(receiver.DeliveryIds, id => Assert.Equal(delivery.Id.ToString(), id));
        }
    }

    /// <summary>A webhook endpoint on loopback that leaves the first request hanging until told to answer.</summary>
    private sealed class HoldingReceiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool answer;

        public HoldingReceiver()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/hook";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }
        public Task FirstRequest => firstRequest.Task;
        public ConcurrentQueue<string> DeliveryIds { get; } = new();

        public void AnswerFromNowOn() => answer = true;

        private async Task LoopAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                DeliveryIds.Enqueue(context.Request.Headers[WebhookRules.DeliveryHeader] ?? "");
                firstRequest.TrySetResult();
                if (answer)
                {
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            }
        }

        public void Dispose() => listener.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Purrr.Web.dll from this build, as its own process on the test's database; disposing it is kill -9.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly TestDatabase database;
        private readonly ConcurrentQueue<string> output = new();
        private readonly TaskCompletionSource paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppProcess(Process process, TestDatabase database)
        {
            this.process = process;
            this.database = database;
        }

        public static AppProcess Start(TestDatabase database, string? pauseAt = null, IReadOnlyDictionary<string, string>? settings = null)
        {
            var tests = AppContext.BaseDirectory; // …/Purrr.Tests/bin/<Configuration>/<tfm>/
            var root = new DirectoryInfo(tests);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Purrr.Blazor.sln")))
                root = root.Parent;
            Assert.NotNull(root);
            var web = Path.Combine(root.FullName, "Purrr.Web");
            var dll = Path.Combine(web, Path.GetRelativePath(Path.Combine(root.FullName, "Purrr.Tests"), tests), "Purrr.Web.dll");
            Assert.True(File.Exists(dll), dll);

            var start = new ProcessStartInfo("dotnet", [dll])
            {
                WorkingDirectory = web,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", // http:// webhooks to loopback
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Storage__DataFolder"] = database.FolderPath,
                ["ConnectionStrings__Purrr"] = $"Data Source={Path.Combine(database.FolderPath, "test.db")}",
                ["Demo__Seed"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Breeding__DeliveryCheckSeconds"] = "1",
                ["Community__ScheduleCheckSeconds"] = "1",
                ["Webhooks__AllowLoopback"] = "true",
                ["Webhooks__PollSeconds"] = "1",
                ["Webhooks__TimeoutSeconds"] = "60",
                ["NightWatch__TickSeconds"] = "3600",
                ["HealthDevices__SilenceTickSeconds"] = "3600",
                ["Territories__TickSeconds"] = "3600",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                environment[key] = value;
            if (pauseAt is not null)
                environment[CrashPoint.Setting.Replace(":", "__", StringComparison.Ordinal)] = pauseAt;
            foreach (var (key, value) in environment)
                start.Environment[key] = value;

            var app = new AppProcess(new Process { StartInfo = start }, database);
            app.process.OutputDataReceived += (_, line) => app.Heard(line.Data);
            app.process.ErrorDataReceived += (_, line) => app.Heard(line.Data);
            app.process.Start();
            app.process.BeginOutputReadLine();
            app.process.BeginErrorReadLine();
            return app;
        }

        private void Heard(string? line)
        {
            if (line is null)
                return;
            output.Enqueue(line);
            if (line.StartsWith(CrashPoint.Banner, StringComparison.Ordinal))
                paused.TrySetResult();
        }

        private string Tail => string.Join('\n', output.TakeLast(30));

        public async Task PausedAsync()
        {
            var done = await Task.WhenAny(paused.Task, Task.Delay(Patience));
            Assert.True(done == paused.Task, $"The app never reached its crash point. Its output:\n{Tail}");
        }

        public async Task WaitUntilAsync(Func<Data.SqlitePurrrDbContext, Task<bool>> condition)
        {
            var until = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < until)
            {
                Assert.False(process.HasExited, $"The app stopped. Its output:\n{Tail}");
                await using (var db = database.NewContext())
                    if (await condition(db))
                        return;
                await Task.Delay(200);
            }
            Assert.Fail($"Still waiting after {Patience.TotalSeconds} s. The app's output:\n{Tail}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, no rollback by the app
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
