namespace MovieRec.Bot.Tests;

/// <summary>For what another process does in its own time (log lines, polled updates, exported telemetry): waits, then asserts.</summary>
internal static class Eventually
{
    // Not a timing target: how long to wait before calling it a hang, with room for a busy shared machine.
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan? wait = null)
    {
        var until = DateTime.UtcNow + (wait ?? DefaultWait);
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
