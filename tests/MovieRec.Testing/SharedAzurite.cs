using Xunit;

namespace MovieRec.Testing;

/// <summary>One Azurite for a whole test class whose tests neither stop nor wipe it.</summary>
public sealed class SharedAzurite : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();
}
