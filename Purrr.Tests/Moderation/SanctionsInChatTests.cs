using Purrr.Core.Community;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Moderation;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Moderation;

/// <summary>Suspended and banned players can be in a room but cannot chat, and are told why and until when.</summary>
[Trait("Category", "Integration")]
public sealed class SanctionsInChatTests : ServiceTestBase
{
    private ModerationService Moderation => new(Database.Factory, Clock, Bus, new PostService(Database.Factory, Clock, Random, Bus, new PostRenderer()));

    private async Task<(UserId Player, CatId Cat, RoomKey Room)> InARoomAsync()
    {
        var ana = await NewPlayerAsync("ana");
        var cat = ACat.Curious().Named("Tig").OwnedBy(ana).Build();
        await Database.AddCatsAsync(cat);
        var room = await Rooms.JoinAsync(ana, "tab", cat.Id, RoomType.Playground);
        return (ana, cat.Id, room.Value);
    }

    private async Task<int> StoredMessagesAsync()
    {
        await using var db = Database.NewContext();
        return await db.RoomChatMessages.CountAsync();
    }

    [Fact]
    public async Task A_suspended_players_message_is_refused_with_the_reason_and_end_and_nothing_is_sent()
    {
        var (ana, cat, room) = await InARoomAsync();
        var mod = await NewPlayerAsync("mod");
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(2)), "Spamming the lounge.");
        var publishedBefore = Bus.Published.Count;

        var refused = await Rooms.ChatAsync(ana, room, cat, "Hello?");

        Assert.Equal("You are suspended until 26 Nov 2026 12:00 UTC: Spamming the lounge.", refused.FirstMessage);
        Assert.Equal(0, await StoredMessagesAsync());
        Assert.Equal(publishedBefore, Bus.Published.Count); // no ChatPosted, nothing at all
        Assert.Empty((await Rooms.ViewAsync(room)).Chat);

        Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await Rooms.ChatAsync(ana, room, cat, "I'm back.")).Succeeded);
    }

    [Fact]
    public async Task A_ban_outranks_a_suspension_and_holds_after_the_suspension_ends()
    {
        var (ana, cat, room) = await InARoomAsync();
        var mod = await NewPlayerAsync("mod");
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Suspension(TimeSpan.FromDays(30)), "Rude.");
        await Moderation.SanctionAsync(mod, ana, SanctionRequest.Ban(), "Threats.");

        Assert.Equal("Your account is banned: Threats.", (await Rooms.ChatAsync(ana, room, cat, "Hi")).FirstMessage);
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal("Your account is banned: Threats.", (await Rooms.ChatAsync(ana, room, cat, "Hi")).FirstMessage);

        await Moderation.LiftAsync(mod, (await Moderation.RestrictionOfAsync(ana))!.Id, "Appeal.");
        Assert.True((await Rooms.ChatAsync(ana, room, cat, "Thank you.")).Succeeded);
        Assert.Equal(1, await StoredMessagesAsync());
    }

    [Fact]
    public async Task A_warning_does_not_stop_anyone_chatting()
    {
        var (ana, cat, room) = await InARoomAsync();
        await Moderation.SanctionAsync(await NewPlayerAsync("mod"), ana, SanctionRequest.Warning(), "Be nice.");

        Assert.True((await Rooms.ChatAsync(ana, room, cat, "Sorry, everyone.")).Succeeded);
    }
}
