namespace MovieRec.DataFetch;

/// <summary>A fetch that could not finish; the message is one line that says what to do.</summary>
public sealed class FetchException : Exception
{
    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public FetchException()
    {
    }
}
