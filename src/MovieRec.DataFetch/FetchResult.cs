namespace MovieRec.DataFetch;

/// <summary>What a fetch did.</summary>
public enum FetchResult
{
    /// <summary>The folder already held verified files; nothing was fetched.</summary>
    AlreadyVerified,

    /// <summary>The files were fetched, verified and moved into place.</summary>
    Fetched,
}
