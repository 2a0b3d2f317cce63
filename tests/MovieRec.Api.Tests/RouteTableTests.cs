using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MovieRec.Api;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

public class RouteTableTests
{
    [Fact]
    public void The_function_app_declares_exactly_the_routes_the_standalone_host_serves()
    {
        Assert.Equal(StandaloneHostRoutes(), FunctionRoutes());
    }

    [Fact]
    public void Every_json_route_is_function_level_in_azure_and_only_health_the_document_the_webhook_and_the_signed_mini_app_calls_are_anonymous()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsOutput(), "functions.metadata")));
        var levels = metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .ToDictionary(binding => binding.GetProperty("route").GetString()!, binding => binding.GetProperty("authLevel").GetString()!);
        var expected = ApiRoutes.All.ToDictionary(r => r.Path, r => r.Access == ApiAccess.KeyHolders ? "Function" : "Anonymous");

        Assert.Equal(expected.OrderBy(e => e.Key), levels.OrderBy(e => e.Key));
        Assert.Equal(
            ["app", "app/api/forget", "app/api/me", "app/api/offer", "app/api/rate", "app/api/ratings", "app/api/recommend", "app/api/search", "app/api/skip", "app/api/texts", "app/api/unrate",
                "app/{file}", "health", "openapi.json", "telegram/webhook"],
            expected.Where(e => e.Value == "Anonymous").Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_function_app_rebuilds_the_community_and_sweeps_old_rows_from_timers_with_cron_schedules_flex_consumption_accepts()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsOutput(), "functions.metadata")));
        var timers = metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray().Select(binding => (Function: function.GetProperty("name").GetString(), Binding: binding)))
            .Where(f => f.Binding.GetProperty("type").GetString() == "timerTrigger")
            .ToList();

        // Six CRON fields: a TimeSpan schedule ("00:05:00") is refused outside App Service plans.
        Assert.Equal(
            [("rebuild_community", "0 */5 * * * *"), ("sweep_retention", "0 17 3 * * *")],
            timers.Select(t => (t.Function!, t.Binding.GetProperty("schedule").GetString()!)).Order());
    }

    [Fact]
    public void The_function_app_ships_host_json_with_no_route_prefix_and_the_settings_sample()
    {
        var output = FunctionsOutput();
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "local.settings.sample.json")));

        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "MOVIELENS_DIR", "MOVIELENS_SOURCE", "RATINGS_STORAGE", "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_API_BASE_URL", "MODEL_REFRESH_INTERVAL" }, settings);
        Assert.True(File.Exists(Path.Combine(output, "data", "ml-latest-small", "ratings.csv")));
    }

    private static List<string> StandaloneHostRoutes()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapMovieRecRoutes();
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<string> FunctionRoutes()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsOutput(), "functions.metadata")));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} {binding.GetProperty("route").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FunctionsOutput() => Repository.OutputOf("MovieRec.Functions");
}
