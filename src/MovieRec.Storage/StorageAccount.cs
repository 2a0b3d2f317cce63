using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace MovieRec.Storage;

/// <summary>
/// RATINGS_STORAGE, interpreted here only: a connection string (the emulator's included), or a
/// table service URI reached with managed identity, whose account's blobs are at the same host
/// with "blob" for "table".
/// </summary>
internal static class StorageAccount
{
    public static TableServiceClient TableService(string setting, TableClientOptions clientOptions) =>
        ServiceUri(setting) is { } uri
            ? new TableServiceClient(uri, new DefaultAzureCredential(), clientOptions)
            : new TableServiceClient(setting, clientOptions);

    public static BlobServiceClient BlobService(string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (ServiceUri(setting) is { } uri)
        {
            var blob = new UriBuilder(uri) { Host = uri.Host.Replace(".table.", ".blob.", StringComparison.OrdinalIgnoreCase), Path = "/" };
            return new BlobServiceClient(blob.Uri, new DefaultAzureCredential());
        }

        if (StorageOptions.LacksBlobEndpoint(setting))
        {
            throw new ArgumentException(StorageOptions.MissingBlobEndpoint);
        }

        return new BlobServiceClient(setting);
    }

    private static Uri? ServiceUri(string setting) =>
        Uri.TryCreate(setting, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
}
