using System.Diagnostics;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>The built movierec command line as a process, with the environment a test gives it.</summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly ProcessOutput _output = new();
    private readonly Process _process;

    private CliProcess(IReadOnlyDictionary<string, string> environment, string[] arguments) =>
        _process = AppProcess.Start("MovieRec.Cli", "movierec.dll", arguments, environment, Repository.Root, _output);

    public string Output => _output.Text;

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) => new(environment, arguments);

    /// <summary>Runs to the end; the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var cli = Start(environment, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await cli._process.WaitForExitAsync(timeout.Token);
        return (cli._process.ExitCode, cli.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await AppProcess.StopAsync(_process);
        _process.Dispose();
    }
}
