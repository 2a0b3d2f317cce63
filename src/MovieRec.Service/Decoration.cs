using Microsoft.Extensions.DependencyInjection;

namespace MovieRec.Service;

internal static class Decoration
{
    /// <summary>
    /// Wraps the registered <typeparamref name="T"/>, whichever way it was registered, in
    /// <paramref name="decorate"/>: the service layer measures a store without knowing which store it is.
    /// </summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, IServiceProvider, T> decorate)
        where T : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered: add the stores first (AddMovieRecStorage, or AddInMemoryStorage in tests).");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => decorate((T)Create(registered, sp), sp), registered.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor registered, IServiceProvider services) =>
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!);
}
