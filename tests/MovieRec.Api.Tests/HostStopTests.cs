using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovieRec.Service;
using MovieRec.Storage;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// Each host stops gracefully: its hosted services (the table warm-up among them) end without an
/// exception, in process and as a process sent SIGTERM.
/// </summary>
public sealed class HostStopTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    private const string WarmupCategory = "MovieRec.Storage.TableWarmup";

    [Fact]
    public async Task The_standalone_host_warms_the_tables_up_and_stops_without_an_exception()
    {
        var logs = new LogLines();
        var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("MOVIELENS_DIR", Repository.MovieLensFolder);
            builder.UseSetting("MODEL_REFRESH_INTERVAL", "00:00:00");
            builder.UseSetting("RATINGS_STORAGE", azurite.Azurite.ConnectionString);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        using var client = host.CreateClient();
        await logs.WhenLogged(WarmedUp).WaitAsync(TimeSpan.FromMinutes(1));

        var stopping = await Record.ExceptionAsync(() => host.DisposeAsync().AsTask());

        Assert.Null(stopping);
        Assert.Contains(new StorageOptions().UsersTable, await TablesOfAsync(azurite.Azurite));
        Assert.DoesNotContain(logs.Lines, line => line.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_standalone_host_process_sent_sigterm_exits_with_0_and_no_unhandled_exception()
    {
        await using var host = await StandaloneHost.StartAsync(new Dictionary<string, string> { ["RATINGS_STORAGE"] = azurite.Azurite.ConnectionString });
        Assert.Equal(200, (await host.PostAsync("/register", new { chat_id = "sigterm" })).Status);

        var exitCode = await host.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
        Assert.Contains("Application is shutting down", host.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// What src/MovieRec.Functions/Program.cs registers (the worker's own services aside), started
    /// and stopped as the worker's host does: every hosted service resolves, runs and ends cleanly.
    /// </summary>
    [Fact]
    public async Task The_functions_workers_services_resolve_and_its_hosted_services_start_and_stop_cleanly()
    {
        var logs = new LogLines();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MOVIELENS_DIR"] = Repository.MovieLensFolder,
            ["RATINGS_STORAGE"] = azurite.Azurite.ConnectionString,
        });
        builder.Logging.AddProvider(logs);
        builder.Services.AddMovieRecCore(builder.Configuration, BackgroundWork.TimerFunctions);
        builder.Services.AddMovieRecApi(builder.Configuration);
        using var app = builder.Build();
        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        await app.StartAsync();
        await logs.WhenLogged(WarmedUp).WaitAsync(TimeSpan.FromMinutes(1));
        var stopping = await Record.ExceptionAsync(() => app.StopAsync());

        Assert.Contains("TableWarmup", hosted);
        Assert.Null(stopping);
        Assert.DoesNotContain(logs.Lines, line => line.Level >= LogLevel.Error);
    }

    private static bool WarmedUp(LogLine line) => line.Category == WarmupCategory && line.Level == LogLevel.Information;

    private static async Task<List<string>> TablesOfAsync(Azurite azurite)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }
}
