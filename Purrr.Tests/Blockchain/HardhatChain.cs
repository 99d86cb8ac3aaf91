using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Purrr.Tests.Blockchain;

/// <summary>
/// The chain test classes share one dev node (starting Hardhat takes a while on a busy machine); it stops after the last.
/// Each test deploys its own PurrrCats, so tests never see each other's tokens.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChainCollection : ICollectionFixture<HardhatChain>
{
    public const string Name = "Chain";
}

/// <summary>
/// A real local EVM dev node for the blockchain tests (spec §11): the node at <c>PURRR_TEST_RPC_URL</c> when the test
/// script started one, otherwise a Hardhat 2 node (<c>node_modules/.bin/hardhat node</c>, chain 1337, the test mnemonic
/// of hardhat.config.cjs) started here on a free port and stopped afterwards. Needs <c>npm ci</c> in the repository.
/// </summary>
public sealed class HardhatChain : IAsyncLifetime
{
    public const long ChainId = 1337;

    private Process? node;

    public string RpcUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("PURRR_TEST_RPC_URL") is { Length: > 0 } given)
        {
            RpcUrl = given;
            await WaitForChainAsync();
            return;
        }
        var root = RepositoryRoot();
        var hardhat = Path.Combine(root, "node_modules", ".bin", "hardhat");
        if (!File.Exists(hardhat))
            throw new InvalidOperationException($"No Hardhat at {hardhat}: run `npm ci` in {root} (the blockchain tests need a real dev chain).");
        var port = FreePort();
        RpcUrl = $"http://127.0.0.1:{port}";
        node = Process.Start(new ProcessStartInfo(hardhat, ["node", "--hostname", "127.0.0.1", "--port", port.ToString()])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        node.OutputDataReceived += (_, _) => { }; // drained, or the node blocks on a full pipe
        node.ErrorDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        await WaitForChainAsync();
    }

    private async Task WaitForChainAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (node is { HasExited: true })
                throw new InvalidOperationException($"The Hardhat node exited with code {node.ExitCode}.");
            try
            {
                var answer = await http.PostAsJsonAsync(RpcUrl, new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() });
                if (answer.StatusCode == HttpStatusCode.OK && JsonNode.Parse(await answer.Content.ReadAsStringAsync())?["result"] is not null)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No chain answered at {RpcUrl} within 30 seconds.");
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks (Hardhat's <c>evm_mine</c>), so transactions gather confirmations.</summary>
    public async Task MineAsync(int blocks)
    {
        using var http = new HttpClient();
        for (var i = 0; i < blocks; i++)
        {
            var answer = await http.PostAsJsonAsync(RpcUrl, new { jsonrpc = "2.0", id = 1, method = "evm_mine", @params = Array.Empty<object>() });
            answer.EnsureSuccessStatusCode();
        }
    }

    public Task DisposeAsync()
    {
        if (node is { HasExited: false })
        {
            node.Kill(entireProcessTree: true);
            node.WaitForExit(10_000);
        }
        node?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.cjs")))
                return dir.FullName;
        throw new InvalidOperationException("hardhat.config.cjs not found above the test binaries.");
    }
}
