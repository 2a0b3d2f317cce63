namespace MovieRec.Storage;

/// <summary>
/// The store could not take the call now; the request may be retried. <see cref="Failure"/> says
/// why. A store that answered and refused the call is <see cref="StoreRejectedException"/> instead.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(StoreFailure failure, string message, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public StoreUnavailableException()
        : this(StoreFailure.Unreachable, "The store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : this(StoreFailure.Unreachable, message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : this(StoreFailure.Unreachable, message, inner)
    {
    }

    public StoreFailure Failure { get; }
}

/// <summary>Why a store call did not happen; only the first two are signs of an outage (<see cref="StoreOutage"/>), none is the store's fault with this call.</summary>
public enum StoreFailure
{
    /// <summary>No answer: refused or reset connections, a name that does not resolve, a call admitted and unanswered past its budget.</summary>
    Unreachable,

    /// <summary>The store answered that it is busy or timed out on its side (5xx, 408, 429); it may be one hot partition.</summary>
    Busy,

    /// <summary>The call waited past its budget for a free slot of this instance (<see cref="StoreBulkhead"/>); the store was never asked.</summary>
    Queued,

    /// <summary>The store is known to be down (<see cref="StoreOutage"/>); the call was refused without asking it.</summary>
    Refused,
}
