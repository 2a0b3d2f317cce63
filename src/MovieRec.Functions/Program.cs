using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieRec.Api;
using MovieRec.Functions;
using MovieRec.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAzureStorage(builder.Configuration);
builder.Services.AddMovieRecApi(builder.Configuration);
// The worker's own telemetry (requests, dependencies, logs) to Application Insights; the
// connection string comes from APPLICATIONINSIGHTS_CONNECTION_STRING, which the Bicep template sets.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddSingleton<ITelemetryInitializer, BotTokenScrubber>();
var app = builder.Build();
if (SettingsCheck.Failure(app.Services) is { } failure)
{
    Console.Error.WriteLine(failure);
    return 1;
}

app.Run();

// Non-zero when the app stopped itself on a failure (MovieLensWarmup).
return Environment.ExitCode;
