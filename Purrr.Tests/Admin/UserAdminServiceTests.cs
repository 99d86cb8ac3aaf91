using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Admin.Users;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Core.Notifications;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>The admin console's users: the list, one user's story, and what admins do to accounts, over the real database.</summary>
[Trait("Category", "Integration")]
public sealed class UserAdminServiceTests : ServiceTestBase
{
    private TestAccountAdmin accounts = null!;
    private UserId admin, ana, ben, mod;

    private ModerationService Moderation => new(Database.Factory, Clock, Bus, new PostService(Database.Factory, Clock, Random, Bus, new PostRenderer()));
    private UserAdminService Users => new(Database.Factory, Clock, Bus, accounts, Moderation, new SecurityLog(Database.Factory, Clock, Bus));

    private async Task PlayersAsync()
    {
        accounts = new TestAccountAdmin(Database);
        admin = await NewPlayerAsync("admin");
        ana = await NewPlayerAsync("ana");
        ben = await NewPlayerAsync("ben");
        mod = await NewPlayerAsync("mod");
        await Database.SetRoleAsync(admin, Roles.Admin);
        await Database.SetRoleAsync(ana, Roles.Player);
        await Database.SetRoleAsync(ben, Roles.Player);
        await Database.SetRoleAsync(mod, Roles.Moderator);
    }

    private async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.NewContext();
        return await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<UserRow> RowOfAsync(string userName) =>
        Assert.Single((await Users.SearchAsync(new UserFilter(userName), UserSort.UserName, false, 1, 25)).Items, r => r.UserName == userName);

    private static IEnumerable<string> Names(Paged<UserRow> page) => page.Items.Select(r => r.UserName);

    // ---- The list -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_list_finds_users_by_any_part_of_their_names_or_email_whatever_the_case()
    {
        await PlayersAsync();

        Assert.Equal(["ana"], Names(await Users.SearchAsync(new UserFilter("AN"), UserSort.UserName, false, 1, 25)));
        Assert.Equal(["ben"], Names(await Users.SearchAsync(new UserFilter("ben@EXAMPLE"), UserSort.UserName, false, 1, 25)));
        Assert.Empty(Names(await Users.SearchAsync(new UserFilter("nobody"), UserSort.UserName, false, 1, 25)));
    }

    [Fact]
    public async Task The_list_filters_by_role_and_by_status_in_the_database()
    {
        await PlayersAsync();
        Assert.True((await Moderation.SanctionAsync(admin, ana, SanctionRequest.Suspension(TimeSpan.FromDays(3)), "Spam.")).Succeeded);
        Assert.True((await Moderation.SanctionAsync(admin, ben, SanctionRequest.Ban(), "Abuse.")).Succeeded);
        Assert.True((await Moderation.SanctionAsync(admin, mod, SanctionRequest.Warning(), "Careful.")).Succeeded);

        async Task<IEnumerable<string>> WithAsync(string? role = null, UserStatus? status = null) =>
            Names(await Users.SearchAsync(new UserFilter(null, role, status), UserSort.UserName, false, 1, 25));

        Assert.Equal(["admin"], await WithAsync(role: Roles.Admin));
        Assert.Equal(["mod"], await WithAsync(role: Roles.Moderator));
        Assert.Equal(["ana", "ben"], await WithAsync(role: Roles.Player));
        Assert.Equal(["ana"], await WithAsync(status: UserStatus.Suspended));
        Assert.Equal(["ben"], await WithAsync(status: UserStatus.Banned));
        Assert.Equal(["admin", "mod"], await WithAsync(status: UserStatus.Active)); // a warning doesn't restrict

        Clock.Advance(TimeSpan.FromDays(3)); // the suspension is over on its own
        Assert.Equal(UserStatus.Active, (await RowOfAsync("ana")).Status);
    }

    [Fact]
    public async Task The_list_sorts_and_pages_on_the_server_and_counts_every_match()
    {
        await PlayersAsync();
        await Database.GiveCoinsAsync(ben, 1_000);
        await Database.AddCatsAsync(ACat.Playful().OwnedBy(ana).Build(), ACat.Playful().OwnedBy(ana).Build());

        var richest = await Users.SearchAsync(new UserFilter(), UserSort.Coins, descending: true, page: 1, pageSize: 2);
        Assert.Equal(4, richest.Total);
        Assert.Equal(["ben", "admin"], Names(richest)); // ties (500 each) by name
        Assert.Equal(["ana", "mod"], Names(await Users.SearchAsync(new UserFilter(), UserSort.Coins, descending: true, page: 2, pageSize: 2)));
        Assert.Equal("ana", (await Users.SearchAsync(new UserFilter(), UserSort.Cats, descending: true, page: 1, pageSize: 1)).Items[0].UserName);
        Assert.Equal(2, (await RowOfAsync("ana")).Cats);
        Assert.Equal(1_500, (await RowOfAsync("ben")).Coins);
        Assert.Equal("ben@example.test", (await RowOfAsync("ben")).Email);
    }

    // ---- Who may act --------------------------------------------------------------------------------------------

    public static TheoryData<string> Actions() => ["role", "tier", "suspend", "ban", "lift", "sign-out", "export"];

    private Task<bool> TryAsync(string action, UserId actor) => action switch
    {
        "role" => Succeeded(Users.ChangeRoleAsync(actor, ben, Roles.Moderator)),
        "tier" => Succeeded(Users.SetApiTierAsync(actor, ben, ApiTier.Premium)),
        "suspend" => Succeeded(Users.SuspendAsync(actor, ben, Clock.GetUtcNow().AddDays(1), "Spam.")),
        "ban" => Succeeded(Users.BanAsync(actor, ben, "Abuse.")),
        "lift" => Succeeded(Users.LiftAsync(actor, ana, null)),
        "sign-out" => Succeeded(Users.SignOutEverywhereAsync(actor, ben)),
        _ => ExportAsync(actor),
    };

    private static async Task<bool> Succeeded(Task<Result<string>> action) => (await action).Succeeded;

    private async Task<bool> ExportAsync(UserId actor) => (await Users.ExportCsvAsync(actor, new UserFilter(), new StringWriter())).Succeeded;

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Only_an_admin_may_act_on_users_and_a_refusal_is_logged_and_changes_nothing(string action)
    {
        await PlayersAsync();
        Assert.True((await Moderation.SanctionAsync(admin, ana, SanctionRequest.Ban(), "For lifting.")).Succeeded);
        var auditBefore = (await AuditAsync()).Count;

        foreach (var (actor, role) in new[] { (ana, "player"), (mod, "moderator") })
        {
            Assert.False(await TryAsync(action, actor), $"A {role} could {action}.");
            await using var db = Database.NewContext();
            Assert.True(await db.SecurityEvents.AnyAsync(e => e.Type == SecurityEventType.UnauthorizedAccess && e.UserId == actor));
        }
        Assert.Equal(auditBefore, (await AuditAsync()).Count);
        Assert.Empty(accounts.SessionsEnded);
        Assert.Equal((Roles.Player, UserStatus.Active), ((await RowOfAsync("ben")).Role, (await RowOfAsync("ben")).Status));

        Assert.True(await TryAsync(action, admin), $"The admin could not {action}.");
        Assert.Equal(auditBefore + 1, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task An_admin_who_was_demoted_can_no_longer_act_from_a_page_they_still_have_open()
    {
        await PlayersAsync();
        await Database.SetRoleAsync(admin, Roles.Moderator);

        var refused = await Users.BanAsync(admin, ben, "Abuse.");

        Assert.Equal(UserAdminService.NotAnAdmin, refused.FirstMessage);
    }

    // ---- Roles --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Changing_a_role_is_audited_told_to_the_player_and_ends_their_sessions()
    {
        await PlayersAsync();

        var changed = await Users.ChangeRoleAsync(admin, ana, Roles.Moderator);

        Assert.Equal("@ana is now a Moderator; their open tabs go to the sign-in page.", changed.Value);
        Assert.Equal(Roles.Moderator, (await RowOfAsync("ana")).Role);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.ChangeRole, "Player → Moderator", ana.ToString()), (entry.Action, entry.Details, entry.TargetId));
        await using var db = Database.NewContext();
        var told = Assert.Single(await db.Notifications.Where(n => n.RecipientId == ana).ToListAsync());
        Assert.Equal((NotificationType.System, "An admin made you a Moderator. Sign in again to continue."), (told.Type, told.Text));
        Assert.Equal([ana], accounts.SessionsEnded);
        Assert.Contains(new SessionsEnded(ana), Bus.Published);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_but_one_of_two_can_step_down()
    {
        await PlayersAsync();

        var alone = await Users.ChangeRoleAsync(admin, admin, Roles.Player);
        Assert.Equal("@admin is the last admin: make someone else an admin first.", alone.FirstMessage);
        Assert.Equal(Roles.Admin, (await RowOfAsync("admin")).Role);

        Assert.True((await Users.ChangeRoleAsync(admin, ana, Roles.Admin)).Succeeded);
        Assert.True((await Users.ChangeRoleAsync(admin, admin, Roles.Player)).Succeeded);
        Assert.Equal(Roles.Player, (await RowOfAsync("admin")).Role);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        await PlayersAsync();
        await Database.SetRoleAsync(ana, Roles.Admin);
        var users = Users; // one service, as in the app
        // Each change waits here until the other one arrives too (or half a second passes): without the service's own
        // one-at-a-time rule both would have passed the last-admin check by then.
        var arrived = 0;
        var both = new TaskCompletionSource();
        accounts.BeforeRoleChange = async () =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
                both.TrySetResult();
            await Task.WhenAny(both.Task, Task.Delay(500));
        };

        var results = await Task.WhenAll(
            Task.Run(() => users.ChangeRoleAsync(admin, ana, Roles.Player)),
            Task.Run(() => users.ChangeRoleAsync(ana, admin, Roles.Player)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single((await Users.SearchAsync(new UserFilter(Role: Roles.Admin), UserSort.UserName, false, 1, 25)).Items);
    }

    [Theory]
    [InlineData(null, "Choose Player, Moderator or Admin.")]
    [InlineData("Owner", "Choose Player, Moderator or Admin.")]
    [InlineData("Player", "@ana is already a Player.")]
    public async Task A_role_that_is_unknown_or_already_held_is_refused(string? role, string message)
    {
        await PlayersAsync();

        Assert.Equal(message, (await Users.ChangeRoleAsync(admin, ana, role)).FirstMessage);
        Assert.Empty(await AuditAsync());
        Assert.Empty(accounts.SessionsEnded);
    }

    [Fact]
    public async Task An_admin_moves_a_player_to_another_api_tier_and_it_is_audited()
    {
        await PlayersAsync();

        Assert.Equal("@ana now has the Premium API tier (1,000 requests an hour).", (await Users.SetApiTierAsync(admin, ana, ApiTier.Premium)).Value);

        Assert.Equal(ApiTier.Premium, (await Users.DetailAsync("ana"))!.ApiTier);
        Assert.Equal("@ana is already on the Premium tier.", (await Users.SetApiTierAsync(admin, ana, ApiTier.Premium)).FirstMessage);
        Assert.Equal("Choose Free, Premium or Enterprise.", (await Users.SetApiTierAsync(admin, ana, (ApiTier)7)).FirstMessage);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.ApiTier, "Free → Premium"), (entry.Action, entry.Details));
    }

    // ---- Suspensions, bans, sign-out ----------------------------------------------------------------------------

    [Fact]
    public async Task A_suspension_lasts_until_the_chosen_time_and_the_player_is_refused_on_their_next_action()
    {
        await PlayersAsync();
        var post = await Database.AddPostAsync(ben, "Ben's post", "Hello.");
        var until = Clock.GetUtcNow().AddDays(2).AddHours(6);

        var suspended = await Users.SuspendAsync(admin, ana, until, "Spamming comments.");

        Assert.Equal($"@ana is suspended until {until.UtcDateTime:d MMM yyyy} 18:00 UTC.", suspended.Value);
        await using (var db = Database.NewContext())
            Assert.Equal(until, (await db.UserSanctions.SingleAsync(s => s.UserId == ana)).Until);
        Assert.Equal(UserStatus.Suspended, (await RowOfAsync("ana")).Status);
        var comment = await new CommentService(Database.Factory, Clock, Bus).AddAsync(ana, post.Id, null, "Buy now!");
        Assert.StartsWith("You are suspended until", comment.FirstMessage);
        Assert.Contains(new SanctionsChanged(ana), Bus.Published);
    }

    [Fact]
    public async Task Suspending_in_the_past_or_oneself_is_refused_and_changes_nothing()
    {
        await PlayersAsync();

        Assert.Equal("Pick a time in the future.", (await Users.SuspendAsync(admin, ana, Clock.GetUtcNow().AddMinutes(-1), "Spam.")).FirstMessage);
        Assert.Equal("You can't sanction yourself.", (await Users.SuspendAsync(admin, admin, Clock.GetUtcNow().AddDays(1), "Oops.")).FirstMessage);
        Assert.Equal("Give a reason: the player will read it.", (await Users.BanAsync(admin, ana, "  ")).FirstMessage);
        await using var db = Database.NewContext();
        Assert.Empty(await db.UserSanctions.ToListAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task A_ban_is_lifted_by_unbanning_and_a_player_who_is_free_cannot_be_unbanned()
    {
        await PlayersAsync();
        Assert.True((await Users.BanAsync(admin, ana, "Abuse.")).Succeeded);
        Assert.Equal(UserStatus.Banned, (await RowOfAsync("ana")).Status);

        Assert.Equal("The ban is lifted.", (await Users.LiftAsync(admin, ana, "Appeal accepted.")).Value);

        Assert.Equal(UserStatus.Active, (await RowOfAsync("ana")).Status);
        Assert.Equal("This player is not suspended or banned.", (await Users.LiftAsync(admin, ana, null)).FirstMessage);
        Assert.Equal([AuditActions.Ban, AuditActions.Lift], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Signing_a_player_out_everywhere_ends_their_sessions_and_is_audited()
    {
        await PlayersAsync();

        Assert.Equal("@ben is signed out everywhere.", (await Users.SignOutEverywhereAsync(admin, ben)).Value);

        Assert.Equal([ben], accounts.SessionsEnded);
        Assert.Contains(new SessionsEnded(ben), Bus.Published);
        Assert.Equal((AuditActions.SignOut, ben.ToString()), (Assert.Single(await AuditAsync()).Action, (await AuditAsync())[0].TargetId));
        Assert.Equal("This player no longer exists.", (await Users.SignOutEverywhereAsync(admin, UserId.New())).FirstMessage);
    }

    // ---- One user, and the export -------------------------------------------------------------------------------

    [Fact]
    public async Task A_users_detail_has_their_cats_coins_security_events_and_moderation_history()
    {
        await PlayersAsync();
        await Database.AddCatsAsync(ACat.Playful().OwnedBy(ana).Named("Tiger").Build());
        await new SecurityLog(Database.Factory, Clock, Bus).RecordAsync(SecurityEventType.LoginFailed, ana, "10.0.0.1", "Wrong password");
        Assert.True((await Users.SuspendAsync(admin, ana, Clock.GetUtcNow().AddDays(1), "Spam.")).Succeeded);
        Assert.True((await Users.ChangeRoleAsync(admin, ben, Roles.Moderator)).Succeeded); // about someone else

        var detail = (await Users.DetailAsync("ana"))!;

        Assert.Equal(("ana", Roles.Player, UserStatus.Suspended), (detail.User.UserName, detail.User.Role, detail.User.Status));
        Assert.Equal("Tiger", Assert.Single(detail.Cats).Name);
        Assert.Equal(500, Assert.Single(detail.Ledger).Amount);
        Assert.Equal("10.0.0.1", Assert.Single(detail.SecurityEvents).IpAddress);
        var sanction = Assert.Single(detail.Sanctions);
        Assert.Equal((SanctionKind.Suspension, "Spam.", "admin"), (sanction.Kind, sanction.Reason, sanction.ModeratorUserName));
        Assert.Equal(SanctionKind.Suspension, detail.Restriction!.Kind);
        Assert.Equal(["Suspended a user"], detail.History.Select(h => h.Action));
        Assert.Null(await Users.DetailAsync("nobody"));
    }

    [Fact]
    public async Task The_export_is_the_filtered_list_as_csv_safe_for_spreadsheets_and_is_audited()
    {
        await PlayersAsync();
        Assert.True((await new PlayerService(Database.Factory).UpdateProfileAsync(ana, new ProfileUpdate("=cmd|' /C calc'!A0", "", "UTC"))).Succeeded);
        var csv = new StringWriter();

        var exported = await Users.ExportCsvAsync(admin, new UserFilter(Role: Roles.Player), csv);

        Assert.Equal(2, exported.Value);
        var lines = csv.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal("user_name,display_name,email,role,status,joined_at,last_seen_at,coins,cats", lines[0]);
        Assert.Equal("ana,'=cmd|' /C calc'!A0,ana@example.test,Player,Active,1970-01-01T00:00:00.0000000+00:00,,500,0", lines[1]);
        Assert.StartsWith("ben,ben,", lines[2]);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditActions.ExportUsers, "2 users; role Player"), (entry.Action, entry.Details));
    }
}
