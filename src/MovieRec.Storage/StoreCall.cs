using Azure;

namespace MovieRec.Storage;

/// <summary>Turns the ways Table and Blob Storage can be unreachable or busy into <see cref="StoreUnavailableException"/>.</summary>
internal static class StoreCall
{
    /// <summary>
    /// Runs a call; a cancellation the caller asked for (<paramref name="cancellationToken"/>)
    /// stays an <see cref="OperationCanceledException"/>: a client hanging up is not an outage.
    /// Any other cancellation is the call's budget running out: admitted, and not answered in time.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RequestFailedException e) when (IsBusyAnswer(e))
        {
            throw new StoreUnavailableException(StoreFailure.Busy, $"The store answered {e.Status} ({e.ErrorCode}).", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(IsFailure))
        {
            // The client's retries failed each in its own way: the store is unreachable if any try found it so.
            if (e.InnerExceptions.Any(IsUnreachable))
            {
                throw new StoreUnavailableException(StoreFailure.Unreachable, "The store is unreachable.", e);
            }

            throw new StoreUnavailableException(StoreFailure.Busy, "The store answered that it is busy.", e);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new StoreUnavailableException(StoreFailure.Unreachable, "The store is unreachable.", e);
        }
    }

    /// <summary>
    /// Runs a call of which any refusal left unhandled is a <see cref="StoreRejectedException"/>, so no
    /// Azure SDK exception leaves this project.
    /// </summary>
    public static async Task<T> RunRejectingAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(call, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            throw Rejected(e);
        }
    }

    /// <summary>The store's refusal of one call (an answer that is no sign of an outage), as the rest of MovieRec sees it.</summary>
    public static StoreRejectedException Rejected(RequestFailedException e) =>
        new(e.Status, $"The store refused the call: {e.Status} ({e.ErrorCode}).", e);

    private static bool IsFailure(Exception e) => IsUnreachable(e) || (e is RequestFailedException r && IsBusyAnswer(r));

    private static bool IsBusyAnswer(RequestFailedException e) => e.Status >= 500 || e.Status == 408 || e.Status == 429;

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or System.Net.Sockets.SocketException or IOException or OperationCanceledException or TimeoutException
        || (e is RequestFailedException r && r.Status == 0);
}
