namespace MovieRec.Storage;

/// <summary>
/// The store answered, refusing the call: it is up, and asking again will not help. A fault of
/// this app or its setup, not an outage — a missing role or a wrong key (403), a request the store
/// finds malformed (400), a conflict no caller handles (409), the builders' lease lost to another
/// builder. The API answers it 500 with a request id and logs it as an error; an outage is
/// <see cref="StoreUnavailableException"/>, 503 and a warning.
/// </summary>
public sealed class StoreRejectedException : Exception
{
    public StoreRejectedException(int status, string message, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    public StoreRejectedException()
        : this(0, "The store refused the call.")
    {
    }

    public StoreRejectedException(string message)
        : this(0, message)
    {
    }

    public StoreRejectedException(string message, Exception inner)
        : this(0, message, inner)
    {
    }

    /// <summary>The HTTP status the store answered with (0 when there was none to give).</summary>
    public int Status { get; }
}
