using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MovieRec.Api;
using MovieRec.Functions;
using MovieRec.Service;
using MovieRec.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The community builds and the retention sweep run on timer functions (CommunityFunctions): a Flex
// Consumption instance may be scaled to zero between requests, and a timer wakes the app for them.
builder.Services.AddMovieRecCore(builder.Configuration, BackgroundWork.TimerFunctions);
builder.Services.AddMovieRecApi(builder.Configuration);
// The same telemetry as the standalone host (the MovieRec meter included), plus the worker's
// invocations; the connection string comes from APPLICATIONINSIGHTS_CONNECTION_STRING, which the
// Bicep template sets, and host.json's telemetryMode hands the host's own telemetry to OpenTelemetry.
builder.Services.AddMovieRecTelemetry(builder.Configuration)?.UseFunctionsWorkerDefaults();
var app = builder.Build();
if (SettingsCheck.Failure(app.Services) is { } failure)
{
    Console.Error.WriteLine(failure);
    return 1;
}

app.Run();

// Non-zero when the app stopped itself on a failure (MovieLensWarmup).
return Environment.ExitCode;
