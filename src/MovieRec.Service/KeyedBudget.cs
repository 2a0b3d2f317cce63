namespace MovieRec.Service;

/// <summary>
/// A number of permits per key in each window of the clock (fixed windows, the same for every
/// key), taken before an action and given back when the action turned out not to count: what the
/// token buckets of System.Threading.RateLimiting cannot do. Bounded: the table is emptied when a
/// window ends and holds at most <c>maxKeys</c> keys within one; a new key past that is refused
/// until the window ends, so a caller inventing keys fills one window's table and no more.
/// </summary>
public sealed class KeyedBudget(int permits, TimeSpan window, int maxKeys, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _taken = new(StringComparer.Ordinal);
    private long _window = long.MinValue;

    /// <summary>Keys holding permits in the current window (at most <c>maxKeys</c>).</summary>
    public int Keys
    {
        get
        {
            lock (_gate)
            {
                Roll();
                return _taken.Count;
            }
        }
    }

    /// <summary>Takes one of the key's permits; false, with when the window ends, when none is left or the table is full.</summary>
    public bool TryTake(string key, out Permit permit, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var now = Roll();
            retryAfter = TimeSpan.FromTicks(((_window + 1) * window.Ticks) - now);
            var taken = _taken.GetValueOrDefault(key);
            if (taken >= permits || (taken == 0 && _taken.Count >= maxKeys))
            {
                permit = default;
                return false;
            }

            _taken[key] = taken + 1;
            permit = new Permit(key, _window);
            return true;
        }
    }

    /// <summary>Returns a permit the action did not use; one from a window that has ended is gone already.</summary>
    public void GiveBack(Permit permit)
    {
        lock (_gate)
        {
            Roll();
            if (permit.Key is not null && permit.Window == _window && _taken.TryGetValue(permit.Key, out var taken))
            {
                if (taken > 1)
                {
                    _taken[permit.Key] = taken - 1;
                }
                else
                {
                    _taken.Remove(permit.Key);
                }
            }
        }
    }

    /// <summary>Starts a new window when the clock has passed the current one; the clock's ticks now.</summary>
    private long Roll()
    {
        var now = time.GetUtcNow().UtcTicks;
        var current = now / window.Ticks;
        if (current != _window)
        {
            _taken.Clear();
            _window = current;
        }

        return now;
    }

    /// <summary>A permit taken: whose, and in which window.</summary>
    public readonly record struct Permit(string Key, long Window);
}
