namespace Purrr.Core.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allow sending to this machine (127.0.0.0/8, ::1). Off by default: tests and local demos turn it on.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow sending to private, shared and link-local networks (10/8, 172.16/12, 192.168/16, 100.64/10, 169.254/16, fc00::/7, fe80::/10).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Accept http:// for loopback URLs; set in Development only.</summary>
    public bool AllowHttpLoopback { get; set; }

    /// <summary>Run the sending worker on this instance (off for a read-only replica, or a test that sends by hand).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for due deliveries (it is also woken by "send test event" and "redeliver").</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>How long one attempt may take.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}
