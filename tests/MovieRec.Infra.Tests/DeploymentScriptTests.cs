using System.Diagnostics;
using MovieRec.Testing;

namespace MovieRec.Infra.Tests;

/// <summary>The deployment entry points exist, parse, and point at the function app.</summary>
public sealed class DeploymentScriptTests
{
    [Theory]
    [InlineData("scripts/deploy.sh")]
    [InlineData("scripts/register-webhook.sh")]
    public async Task The_deploy_scripts_are_executable_bash_that_parses(string script)
    {
        var path = Path.Combine(Repository.Root, script);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute));
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", path]) { RedirectStandardError = true })!;
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal((0, ""), (bash.ExitCode, errors));
    }

    [Fact]
    public void Azd_deploys_the_function_project_provisions_infra_and_registers_the_webhook_after()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "azure.yaml"));

        Assert.Contains("project: ./src/MovieRec.Functions", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("path: infra", yaml, StringComparison.Ordinal);
        Assert.Contains("run: scripts/register-webhook.sh", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "MovieRec.Functions", "MovieRec.Functions.csproj")));
    }

    [Fact]
    public async Task Registering_the_webhook_without_a_token_explains_and_changes_nothing()
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "register-webhook.sh"), ["https://example.test/telegram/webhook"])
        {
            RedirectStandardOutput = true,
        };
        start.Environment.Remove("TELEGRAM_BOT_TOKEN");
        using var script = Process.Start(start)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();

        Assert.Equal(0, script.ExitCode);
        Assert.Contains("TELEGRAM_BOT_TOKEN is not set", output, StringComparison.Ordinal);
    }
}
