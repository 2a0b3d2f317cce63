namespace MovieRec.Bot.Tests;

/// <summary>For what another process does in its own time (log lines, polled updates): waits up to 10 s, then asserts.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
