namespace MovieRec.Storage;

/// <summary>
/// What this instance has seen of a store outage. Once <see cref="FailuresToRefuse"/> calls in a
/// row have found the store unavailable, calls are refused at once, and every
/// <see cref="ProbeEvery"/> one call at a time goes through to see whether the store is back.
/// During an outage a request then answers 503 at once instead of waiting out the client's
/// retries, and the store is not flooded while it recovers.
/// Only signs of an outage count: no answer at all (<see cref="StoreFailure.Unreachable"/>), or
/// "busy" answers (<see cref="StoreFailure.Busy"/>) from at least two partitions, since the store
/// throttles one hot partition (one person's burst) while it serves every other.
/// </summary>
public sealed class StoreOutage(TimeProvider time)
{
    /// <summary>Enough that one slow moment (a few requests timing out together) does not refuse anybody.</summary>
    public const int FailuresToRefuse = 5;

    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _busyPartitions = new(StringComparer.Ordinal);
    private int _failuresInARow;
    private bool _unreachableInARow;
    private bool _refusing;
    private DateTimeOffset _nextProbeAt;
    private bool _probing;

    /// <summary>
    /// Lets a call go to the store, or refuses it while the store is known to be down. True when
    /// the call is the probe: its end must be reported with <see cref="ProbeEnded"/>.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store is down and another call is probing it, or the next probe is not due.</exception>
    public bool Admit()
    {
        if (!Volatile.Read(ref _refusing))
        {
            return false;
        }

        lock (_gate)
        {
            if (!_refusing)
            {
                return false;
            }

            if (_probing || time.GetUtcNow() < _nextProbeAt)
            {
                throw new StoreUnavailableException(
                    StoreFailure.Refused, $"The store is unreachable: its last {FailuresToRefuse} calls or more failed, and it is tried again once a second.");
            }

            _probing = true;
            return true;
        }
    }

    /// <summary>The store answered (whatever it answered): it is up.</summary>
    public void Answered()
    {
        if (Volatile.Read(ref _failuresInARow) != 0)
        {
            lock (_gate)
            {
                _failuresInARow = 0;
                _unreachableInARow = false;
                _busyPartitions.Clear();
                _refusing = false;
            }
        }
    }

    /// <summary>
    /// A call found the store unavailable. <paramref name="partition"/> is the partition a
    /// <see cref="StoreFailure.Busy"/> answer was about (null: the store as a whole). Failures that
    /// never reached the store (<see cref="StoreFailure.Queued"/>, <see cref="StoreFailure.Refused"/>) do not count.
    /// </summary>
    public void Failed(StoreFailure failure, string? partition)
    {
        if (failure is not (StoreFailure.Unreachable or StoreFailure.Busy))
        {
            return;
        }

        lock (_gate)
        {
            _failuresInARow++;
            if (failure == StoreFailure.Unreachable || partition is null)
            {
                _unreachableInARow = true;
            }
            else if (_busyPartitions.Count < 2)
            {
                _busyPartitions.Add(partition);
            }

            if (_failuresInARow >= FailuresToRefuse && (_unreachableInARow || _busyPartitions.Count >= 2))
            {
                _refusing = true;
                _nextProbeAt = time.GetUtcNow() + ProbeEvery;
            }
        }
    }

    /// <summary>The probe is over, whether it found the store or not, or its caller went away.</summary>
    public void ProbeEnded()
    {
        lock (_gate)
        {
            _probing = false;
        }
    }
}
