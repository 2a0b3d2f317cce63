using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>
/// The model requests use now. A newer one is made beside it and swapped in with one reference
/// write: a request reads <see cref="Current"/> once and keeps that model to its end, so no
/// request waits for, or sees half of, a swap.
/// </summary>
public sealed class LiveModel
{
    private RecommendationModel _current;

    public LiveModel(RecommendationModel movieLensOnly)
    {
        ArgumentNullException.ThrowIfNull(movieLensOnly);
        _current = movieLensOnly;
    }

    public RecommendationModel Current => Volatile.Read(ref _current);

    /// <summary>Swaps in <paramref name="next"/> unless the model in use is as new or newer; true when swapped.</summary>
    public bool TrySwap(RecommendationModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var current = Current;
            if (next.Version <= current.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, next, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Makes the model with <paramref name="community"/> in the pool (MovieLens as this instance
    /// loaded it) and swaps it in; true when swapped. A community no newer than the model in use
    /// is turned away before any training.
    /// </summary>
    public bool TryTakeIn(CommunitySnapshot community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return community.Version > Current.Version && TrySwap(Current.WithCommunity(community));
    }
}
