using MovieRec.DataFetch;
using MovieRec.Storage;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary>Turns the failures a person can act on into one line on stderr and a non-zero exit code.</summary>
internal static class Failure
{
    public static async Task<int> ReportAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is FetchException or FileNotFoundException or InvalidDataException or ArgumentException or FormatException
            or Telegram.Bot.Exceptions.RequestException or StoreUnavailableException or StoreRejectedException)
        {
            AnsiConsole.Console.Profile.Out.Writer.Flush();
            await Console.Error.WriteLineAsync($"movierec: {e.Message}");
            return 1;
        }
    }
}
