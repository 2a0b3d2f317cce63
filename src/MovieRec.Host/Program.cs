using MovieRec.Api;
using MovieRec.Host;
using MovieRec.Service;
using MovieRec.Telemetry;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddFunctionsLocalSettings(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // The Functions host's local default, so clients and scripts do not care which host runs.
    builder.WebHost.UseUrls("http://127.0.0.1:7071");
}

// The community builds and the retention sweep run here as hosted services (the Functions app runs them on timers).
builder.Services.AddMovieRecCore(builder.Configuration);
builder.Services.AddMovieRecApi(builder.Configuration);
builder.Services.AddStandaloneHostChecks();
builder.Services.AddMovieRecTelemetry(builder.Configuration);
var app = builder.Build();
if (SettingsCheck.Failure(app.Services) is { } failure)
{
    Console.Error.WriteLine(failure);
    return 1;
}

app.UseMovieRecAnswerHeaders();
app.UseLoopbackHostsWithoutApiKeys();
app.UseMovieRecErrorAnswers();
app.MapMovieRecRoutes();
app.Run();

// Non-zero when the app stopped itself on a failure (MovieLensWarmup).
return Environment.ExitCode;

/// <summary>The entry point, visible to tests that start the host in-process.</summary>
public partial class Program;
