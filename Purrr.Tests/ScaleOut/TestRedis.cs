using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Purrr.Core.Events;
using Purrr.Data.Redis;

namespace Purrr.Tests.ScaleOut;

/// <summary>
/// The Redis that ./test.sh starts (<c>PURRR_TEST_REDIS</c>). A test that needs it fails when it is missing; each test
/// takes a channel of its own, so tests running side by side never hear each other.
/// </summary>
public static class TestRedis
{
    public const string Variable = "PURRR_TEST_REDIS";

    public static string Address => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
        ? address
        : throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts redis-server (or start one and set {Variable}=127.0.0.1:PORT).");

    public static string NewChannel() => $"purrr:test:{Guid.NewGuid():N}";

    /// <summary>One app instance's bus over <paramref name="address"/>.</summary>
    public static (RedisEventBus Bus, RedisConnection Connection, AppInstance Instance) NewBus(string address, string channel, TimeSpan? ttl = null)
    {
        var instance = AppInstance.Shared(TimeSpan.FromSeconds(1), ttl ?? TimeSpan.FromSeconds(3));
        var connection = new RedisConnection(address);
        return (new RedisEventBus(connection, instance, NullLogger<RedisEventBus>.Instance, channel), connection, instance);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (events cross over asynchronously); fails with <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds > timeoutMs)
                Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}

/// <summary>A redis-server of a test's own, which it can stop and start again on the same port (Redis restarts).</summary>
public sealed class RedisProcess : IDisposable
{
    public const string Executable = "/usr/bin/redis-server";
    private Process? process;

    public RedisProcess()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: run ./test.sh, which installs redis-server.");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public void Start()
    {
        process = Process.Start(new ProcessStartInfo(Executable,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var watch = Stopwatch.StartNew();
        while (!Answers())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
                throw new InvalidOperationException($"redis-server did not start on port {Port}.");
            Thread.Sleep(20);
        }
    }

    public void Stop()
    {
        if (process is null)
            return;
        process.Kill();
        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            using var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            return stream.Read(buffer) > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => Stop();
}
