using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>One Azurite and one standalone host for a test class; each test uses its own chat ids.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public StandaloneHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartAsync();
        Host = await StandaloneHost.StartAsync(new Dictionary<string, string> { ["RATINGS_STORAGE"] = Azurite.ConnectionString });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    public static string NewChatId() => $"t{Guid.NewGuid():N}"[..20];
}
