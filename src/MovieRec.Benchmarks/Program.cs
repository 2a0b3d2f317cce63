using BenchmarkDotNet.Running;

// dotnet run -c Release --project src/MovieRec.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
