using Microsoft.Extensions.DependencyInjection;
using Purrr.Tests.Infrastructure;
using Purrr.Data.Setup;

namespace Purrr.Tests.Setup;

[Trait("Category", "Unit")]
public sealed class FirstPageGateTests
{
    [Fact]
    public async Task Work_behind_the_gate_waits_until_the_first_response_is_out()
    {
        var gate = new FirstPageGate();

        var waiting = gate.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        Assert.False(gate.IsOpen);

        gate.Open();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully); // later waiters go straight through
    }

    [Fact]
    public async Task Stopping_the_app_ends_the_wait()
    {
        var gate = new FirstPageGate();
        using var stopping = new CancellationTokenSource();

        var waiting = gate.WaitAsync(stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}

[Trait("Category", "Integration")]
public sealed class FirstPageGateAppTests
{
    [Fact]
    public async Task The_first_page_opens_the_gate()
    {
        await using var app = new PurrrAppFactory();
        using var client = AppClient.For(app);
        var gate = app.Services.GetRequiredService<FirstPageGate>();
        Assert.False(gate.IsOpen);

        (await client.Http.GetAsync("/")).EnsureSuccessStatusCode();

        await gate.WaitAsync(CancellationToken.None);
        Assert.True(gate.IsOpen); // opened by the page, not by the wait running out
    }
}
