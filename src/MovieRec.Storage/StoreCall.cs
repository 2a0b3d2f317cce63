using Azure;

namespace MovieRec.Storage;

/// <summary>Turns the ways Table and Blob Storage can be unreachable into <see cref="StoreUnavailableException"/>.</summary>
internal static class StoreCall
{
    /// <summary>
    /// Runs a call; a cancellation the caller asked for (<paramref name="cancellationToken"/>)
    /// stays an <see cref="OperationCanceledException"/>: a client hanging up is not an outage.
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
        catch (RequestFailedException e) when (e.Status == 0 || e.Status >= 500 || e.Status == 408 || e.Status == 429)
        {
            throw new StoreUnavailableException($"The store answered {e.Status} ({e.ErrorCode}).", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(IsUnreachable))
        {
            throw new StoreUnavailableException("The store is unreachable.", e);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new StoreUnavailableException("The store is unreachable.", e);
        }
    }

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or System.Net.Sockets.SocketException or IOException
        || (e is TaskCanceledException or TimeoutException)
        || (e is RequestFailedException r && (r.Status == 0 || r.Status >= 500));
}
