using System.Globalization;
using BenchmarkDotNet.Running;
using MovieRec.Benchmarks;

// dotnet run -c Release --project src/MovieRec.Benchmarks -- --filter '*'
// dotnet run -c Release --project src/MovieRec.Benchmarks -- cold-start <host .dll or executable> [runs] [port]
// dotnet run -c Release --project src/MovieRec.Benchmarks -- community-rebuild <connection string> [users] [changed share] [rounds] [full-read]
// dotnet run -c Release --project src/MovieRec.Benchmarks -- community-snapshot [people] [ratings]
// dotnet run -c Release --project src/MovieRec.Benchmarks -- load-ratio <app url> <table connection string> [seconds] [connections …]
if (args is ["load-ratio", var appUrl, var tables, .. var load])
{
    return await LoadRatio.RunAsync(
        new Uri(appUrl),
        tables,
        TimeSpan.FromSeconds(load.Length > 0 ? int.Parse(load[0], CultureInfo.InvariantCulture) : 10),
        load.Length > 1 ? [.. load[1..].Select(n => int.Parse(n, CultureInfo.InvariantCulture))] : [16, 64]);
}

if (args is ["cold-start", var app, .. var rest])
{
    return await ColdStart.RunAsync(
        app,
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 15,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 7071);
}

if (args is ["community-rebuild", var connectionString, .. var options])
{
    return await CommunityRebuild.RunAsync(
        connectionString,
        options.Length > 0 ? int.Parse(options[0], CultureInfo.InvariantCulture) : 100_000,
        options.Length > 1 ? double.Parse(options[1], CultureInfo.InvariantCulture) : 0.01,
        options.Length > 2 ? int.Parse(options[2], CultureInfo.InvariantCulture) : 3,
        options.Contains("full-read"));
}

if (args is ["community-snapshot", .. var shape])
{
    return CommunitySnapshotSize.Run(
        shape.Length > 0 ? int.Parse(shape[0], CultureInfo.InvariantCulture) : 162_541,
        shape.Length > 1 ? long.Parse(shape[1], CultureInfo.InvariantCulture) : 25_000_095);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
