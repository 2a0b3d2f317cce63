using System.Globalization;
using BenchmarkDotNet.Running;
using MovieRec.Benchmarks;

// dotnet run -c Release --project src/MovieRec.Benchmarks -- --filter '*'
// dotnet run -c Release --project src/MovieRec.Benchmarks -- cold-start <app.dll> [runs] [port]
if (args is ["cold-start", var app, .. var rest])
{
    return await ColdStart.RunAsync(
        app,
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 15,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 7071);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
