using Microsoft.Extensions.Configuration;

namespace MovieRec.Storage;

/// <summary>Where the ratings live: the RATINGS_STORAGE setting (docs/api.md).</summary>
public sealed class StorageOptions
{
    public const string Setting = "RATINGS_STORAGE";

    /// <summary>The value of <see cref="Setting"/> that keeps every store in the process's memory.</summary>
    public const string InMemory = "memory";

    /// <summary>A Table Storage connection string, or a table service URI reached with managed identity.</summary>
    [ConfigurationKeyName(Setting)]
    public string RatingsStorage { get; set; } = "UseDevelopmentStorage=true";

    public string UsersTable { get; set; } = "movierecusers";

    public string UpdatesTable { get; set; } = "movierecupdates";

    /// <summary>Which users rated what, by hour: how the model builder finds the users whose ratings changed.</summary>
    public string ChangesTable { get; set; } = "movierecchanges";

    /// <summary>The groups' movie nights: who is in, and the poll (the bot's /movienight).</summary>
    public string NightsTable { get; set; } = "movierecnights";

    /// <summary>The private Blob container of the community snapshots the model builder publishes.</summary>
    public string SnapshotsContainer { get; set; } = "model-snapshots";

    public const string MissingBlobEndpoint =
        "RATINGS_STORAGE names a TableEndpoint but no BlobEndpoint: add BlobEndpoint=… (the model snapshots are kept in Blob Storage).";

    /// <summary>Whether RATINGS_STORAGE asks for the in-memory stores (<see cref="InMemory"/>, in any case).</summary>
    public static bool IsInMemory(string? ratingsStorage) =>
        string.Equals(ratingsStorage?.Trim(), InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A connection string that names where its tables are but not where its blobs are. Here, not
    /// in <see cref="StorageAccount"/>, so checking the setting at start loads no Blob client code.
    /// </summary>
    public static bool LacksBlobEndpoint(string ratingsStorage) =>
        ratingsStorage.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase)
        && !ratingsStorage.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase);
}
