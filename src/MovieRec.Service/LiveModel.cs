using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>
/// The model requests use now. MovieLens is loaded on first use (by <see cref="MovieLensWarmup"/>
/// while the host starts; a request that comes first waits for it); a newer model is made beside
/// the one in use and swapped in with one reference write: a request reads <see cref="Current"/>
/// once and keeps that model to its end, so no request waits for, or sees half of, a swap.
/// </summary>
public sealed class LiveModel
{
    private readonly Lazy<RecommendationModel> _movieLens;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RecommendationModel? _newer;

    /// <param name="loadMovieLens">Makes the MovieLens-only model; called once, on first use.</param>
    public LiveModel(Func<RecommendationModel> loadMovieLens)
    {
        ArgumentNullException.ThrowIfNull(loadMovieLens);
        _movieLens = new Lazy<RecommendationModel>(() =>
        {
            try
            {
                var loaded = loadMovieLens();
                _ready.TrySetResult();
                return loaded;
            }
            catch (Exception e)
            {
                _ready.TrySetException(e);
                throw;
            }
        });
    }

    public LiveModel(RecommendationModel movieLensOnly)
        : this(() => movieLensOnly)
    {
        ArgumentNullException.ThrowIfNull(movieLensOnly);
    }

    /// <summary>
    /// Done once MovieLens is loaded, faulted when it could not be: what background work that needs
    /// the model waits on, without loading it off its own thread at start.
    /// </summary>
    public Task Ready => _ready.Task;

    public RecommendationModel Current => Volatile.Read(ref _newer) ?? _movieLens.Value;

    /// <summary>Swaps in <paramref name="next"/> unless the model in use is as new or newer; true when swapped.</summary>
    public bool TrySwap(RecommendationModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var swappedIn = Volatile.Read(ref _newer);
            if (next.Version <= (swappedIn ?? _movieLens.Value).Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _newer, next, swappedIn) == swappedIn)
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
