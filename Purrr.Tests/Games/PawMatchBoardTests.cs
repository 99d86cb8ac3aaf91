using Bunit;
using Purrr.Core.Games;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Games;

namespace Purrr.Tests.Games;

[Trait("Category", "Component")]
public sealed class PawMatchBoardTests : ServiceTestBase
{
    [Fact]
    public async Task A_card_shows_its_face_only_after_the_server_confirms_the_flip()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        var game = (await PawMatch.StartAsync(luna, mochi.Id, 10, "s")).Value;
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        PawMatchView? changed = null;

        var board = context.Render<PawMatchBoard>(p => p.Add(b => b.Game, game).Add(b => b.Player, luna).Add(b => b.OnGameChanged, v => changed = v));

        // Before any flip the page holds no card face at all: nothing in the DOM to read.
        Assert.All(board.FindAll("button.purrr-card"), card => Assert.EndsWith("face down", card.GetAttribute("aria-label")));
        Assert.Empty(board.FindAll(".purrr-card-name"));
        Assert.All(PawMatchGame.Symbols, symbol => Assert.DoesNotContain($", {symbol}\"", board.Markup));

        board.FindAll("button.purrr-card")[0].Click();

        board.WaitForAssertion(() => Assert.NotNull(changed));
        board.Render(p => p.Add(b => b.Game, changed!));
        await using var db = Database.NewContext();
        var secret = (await db.PawMatchGames.FindAsync(game.Id))!.Board.Split(',');
        Assert.Equal($"Card 1, {secret[0]}", board.FindAll("button.purrr-card")[0].GetAttribute("aria-label"));
        Assert.Equal(15, board.FindAll("button.purrr-card").Count(c => c.GetAttribute("aria-label")!.EndsWith("face down")));
    }
}
