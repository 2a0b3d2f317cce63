using Xunit;
using Xunit.Abstractions;

namespace MovieRec.Testing;

/// <summary>
/// Marks a test class that mostly waits (for an exporter, a store's timeout, a restart): with
/// <see cref="StartFirstOrderer"/>, its collection starts before the others, so the wait runs
/// beside them instead of after them. It changes when a class starts, nothing a test does.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartFirstAttribute : Attribute;

/// <summary>
/// xunit's order of test collections (by unique id), with the collections of
/// <see cref="StartFirstAttribute"/> classes moved to the front. xunit runs as many collections
/// at once as it has threads and starts them in this order.
/// </summary>
public sealed class StartFirstOrderer : ITestCollectionOrderer
{
    // xunit's name for the collection it gives each class that names none.
    private const string PerClass = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => StartsFirst(c) ? 0 : 1).ThenBy(c => c.UniqueID);

    private static bool StartsFirst(ITestCollection collection)
    {
        var type = collection.CollectionDefinition
            ?? (collection.DisplayName.StartsWith(PerClass, StringComparison.Ordinal)
                ? collection.TestAssembly.Assembly.GetType(collection.DisplayName[PerClass.Length..])
                : null);
        return type?.GetCustomAttributes(typeof(StartFirstAttribute).AssemblyQualifiedName).Any() == true;
    }
}
