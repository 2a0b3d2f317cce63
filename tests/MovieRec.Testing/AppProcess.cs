using System.Diagnostics;
using System.Text;

namespace MovieRec.Testing;

/// <summary>A built app of this repository (src/&lt;project&gt;) run by dotnet as a child process, its output collected.</summary>
public static class AppProcess
{
    public static Process Start(
        string project,
        string assembly,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        ProcessOutput output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(Repository.OutputOf(project), assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MOVIELENS_DIR"] = Repository.MovieLensFolder;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        output.Attach(process);
        return process;
    }

    /// <summary>Kills the process and its children, if still running, and waits for the end.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

/// <summary>Everything one or more processes printed, stdout and stderr, line by line (for assertions that secrets are never logged).</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }
}
