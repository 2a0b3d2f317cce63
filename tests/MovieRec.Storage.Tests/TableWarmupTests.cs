using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MovieRec.Testing;

namespace MovieRec.Storage.Tests;

/// <summary>The tables' warm-up never makes a stop fail, whatever order the host stops and disposes it in.</summary>
public class TableWarmupTests
{
    [Fact]
    public async Task A_warm_up_disposed_with_the_hosts_services_before_its_stop_still_stops_without_an_exception()
    {
        // A store nobody listens on: the warm-up is still trying when the services go.
        var port = FreePort.Next();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageOptions.Setting] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddMovieRecStorage(configuration);
        var provider = services.BuildServiceProvider();
        var warmup = Assert.Single(provider.GetServices<IHostedService>().OfType<TableWarmup>());
        await warmup.StartAsync(CancellationToken.None);

        await provider.DisposeAsync();
        var stop = await Record.ExceptionAsync(() => warmup.StopAsync(CancellationToken.None));

        Assert.Null(stop);
    }
}
