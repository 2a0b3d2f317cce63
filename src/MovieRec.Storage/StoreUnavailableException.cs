namespace MovieRec.Storage;

/// <summary>The Table service could not be reached or failed on its side; the request may be retried.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
