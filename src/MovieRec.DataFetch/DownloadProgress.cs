namespace MovieRec.DataFetch;

/// <summary>Bytes received so far, and the total when the server said it.</summary>
public readonly record struct DownloadProgress(long Received, long? Total);
