using System.Diagnostics;
using MovieRec.Domain;
using MovieRec.Storage;

namespace MovieRec.Service;

/// <summary>
/// MovieRec's use cases, shared by the HTTP routes and the Telegram bot. Unknown users, unknown
/// movies and nothing left to rate come back as a <see cref="Refusal"/>; a store outage surfaces
/// as <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class RecommenderService(LiveModel live, IRatingStore store, Random random, MovieRecMetrics metrics)
{
    /// <summary>True when this call created the user, false when the chat id was known.</summary>
    public Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken) =>
        store.TryRegisterAsync(chatId, cancellationToken);

    /// <summary>
    /// Films whose titles match the query, best first (<see cref="MovieSearch"/>); with a chat id,
    /// each with that person's rating or skip. One store read when a chat id is given, none without.
    /// </summary>
    public async Task<IReadOnlyList<FoundMovie>> SearchAsync(string query, int limit, string? chatId, CancellationToken cancellationToken)
    {
        var found = live.Current.Search.Find(query, limit);
        var ratings = chatId is null || found.Count == 0 ? null : await store.GetRatingsAsync(chatId, cancellationToken);
        return [.. found.Select(movie => new FoundMovie(
            movie,
            ratings?.StarsByMovie.TryGetValue(movie.Id, out var stars) == true ? stars : null,
            ratings?.Skipped.Contains(movie.Id) == true))];
    }

    /// <summary>A person's ratings, newest first, a page of them, and how many there are in all; skips are not listed. One store read.</summary>
    public async Task<Outcome<RatingsPage>> MyRatingsAsync(string chatId, int offset, int limit, CancellationToken cancellationToken)
    {
        if (await store.GetRatingsAsync(chatId, cancellationToken) is not { } ratings)
        {
            return Refusal.UnknownUser;
        }

        var catalog = live.Current.Catalog;
        var page = ratings.StarsByMovie
            .Where(r => catalog.Contains(r.Key))
            .Select(r => new GivenRating(catalog.Get(r.Key), r.Value, ratings.RatedAt.GetValueOrDefault(r.Key, DateTimeOffset.UnixEpoch)))
            .OrderByDescending(r => r.RatedAt)
            .ThenBy(r => r.Movie.Id)
            .ToList();
        return Outcome.Done(new RatingsPage(page.Count, [.. page.Skip(offset).Take(limit)]));
    }

    /// <summary>
    /// Takes back a rating or a skip, as if never given, and answers how many movies the person has
    /// rated now (under 10, their list is empty again; the pool learns at the next build). Two store
    /// calls: the removal (with its change note), then the read that counts.
    /// </summary>
    public async Task<Outcome<int>> UnrateMovieAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        if (!live.Current.Catalog.Contains(movieId))
        {
            return Refusal.UnknownMovie;
        }

        return await store.RemoveAsync(chatId, movieId, cancellationToken) switch
        {
            Removal.UnknownUser => Refusal.UnknownUser,
            Removal.NothingToRemove => Refusal.NotRated,
            _ => await store.GetRatingsAsync(chatId, cancellationToken) is { } ratings ? Outcome.Done(ratings.StarsByMovie.Count) : Refusal.UnknownUser,
        };
    }

    /// <summary>The genres of the model in use, to check the names people ask for.</summary>
    public GenreIndex Genres => live.Current.Genres;

    /// <summary>A film of the catalog; false for an id it does not have (a stale or forged button).</summary>
    public bool TryGetMovie(int movieId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Movie movie) =>
        live.Current.Catalog.TryGet(movieId, out movie);

    /// <summary>
    /// The <paramref name="count"/> films the most people rated in the model in use, most first
    /// (equal counts by id): what the bot's inline mode offers someone with no picks of their own. No store call.
    /// </summary>
    public IReadOnlyList<Movie> MostRated(int count)
    {
        var model = live.Current;
        var ratings = model.Ratings;
        var best = new TopN(count);
        for (var movie = 0; movie < ratings.MovieCount; movie++)
        {
            best.Offer(movie, ratings.RatingCountOf(movie), ratings.MovieId(movie));
        }

        return [.. best.TakeBest().Items.Select(movie => model.Catalog.Get(ratings.MovieId(movie)))];
    }

    /// <summary>Whether the chat id is registered. One store read.</summary>
    public async Task<bool> IsKnownAsync(string chatId, CancellationToken cancellationToken) =>
        await store.GetRatingsAsync(chatId, cancellationToken) is not null;

    /// <summary>
    /// Deletes everything held about the chat; it leaves the neighbour pool at the next build.
    /// <see cref="Refusal.UnknownUser"/> when there is nothing to forget.
    /// </summary>
    public async Task<Outcome> ForgetAsync(string chatId, CancellationToken cancellationToken) =>
        await store.ForgetAsync(chatId, cancellationToken) ? Outcome.Done() : Refusal.UnknownUser;

    /// <summary>
    /// A movie the user has neither rated nor skipped, among those they most likely saw given their
    /// ratings and skips (<see cref="MovieOffer"/>). One store read.
    /// </summary>
    public Task<Outcome<Movie>> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken) =>
        GetUnratedMovieAsync(chatId, shownTogether: false, cancellationToken);

    /// <summary>The same; <paramref name="shownTogether"/> when the film is shown beside others (the Mini App's six): drawn among more films, so they differ.</summary>
    public async Task<Outcome<Movie>> GetUnratedMovieAsync(string chatId, bool shownTogether, CancellationToken cancellationToken) =>
        await store.GetRatingsAsync(chatId, cancellationToken) is { } ratings ? UnratedMovieFor(ratings, shownTogether) : Refusal.UnknownUser;

    /// <summary>The same offer from ratings already read (the ones a rating's answer carries): no store call.</summary>
    public Outcome<Movie> UnratedMovieFor(UserRatings ratings, bool shownTogether = false)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var model = live.Current;
        return model.Offer.Pick(ratings.StarsByMovie, ratings.Answered, random, model.SelfIndexOf(ratings.ChatId), shownTogether) is { } movie
            ? Outcome.Done(movie)
            : Refusal.NothingLeftToRate;
    }

    /// <summary>
    /// Stores the rating durably, replacing an earlier one, and answers the user's ratings now
    /// (how many there are, and what the next offer needs). Two store calls, three Table requests:
    /// the write (a transaction, and a change note beside it), then a read that includes it (Table
    /// Storage is strongly consistent).
    /// </summary>
    public async Task<Outcome<UserRatings>> RateMovieAsync(string chatId, int movieId, double stars, CancellationToken cancellationToken)
    {
        if (!live.Current.Catalog.Contains(movieId))
        {
            return Refusal.UnknownMovie;
        }

        if (!StarScale.IsValid(stars))
        {
            throw new ArgumentOutOfRangeException(nameof(stars), stars, "Stars must be 0.5 to 5 in half steps.");
        }

        if (!await store.SaveRatingAsync(chatId, movieId, stars, cancellationToken)
            || await store.GetRatingsAsync(chatId, cancellationToken) is not { } ratings)
        {
            return Refusal.UnknownUser;
        }

        return Outcome.Done(ratings);
    }

    /// <summary>
    /// Records that the user has not seen the movie: it is never offered or recommended to them
    /// again, and a later rating ends the skip. One store call.
    /// </summary>
    public async Task<Outcome> SkipMovieAsync(string chatId, int movieId, CancellationToken cancellationToken)
    {
        if (!live.Current.Catalog.Contains(movieId))
        {
            return Refusal.UnknownMovie;
        }

        return await store.SaveSkipAsync(chatId, movieId, cancellationToken) ? Outcome.Done() : Refusal.UnknownUser;
    }

    /// <summary>
    /// The best <paramref name="topN"/> movies neither rated nor skipped, with reasons; empty for
    /// one with too few ratings, <see cref="Refusal.UnknownUser"/> for an unknown chat. With
    /// <paramref name="genres"/> (names as <see cref="GenreIndex.TryResolve"/> gives them), only films
    /// of any of them. One store read.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<RecommendedMovie>>> RecommendAsync(
        string chatId, int topN, CancellationToken cancellationToken, IReadOnlyCollection<string>? genres = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topN, RecommendationRules.MaxTopN);
        if (await store.GetRatingsAsync(chatId, cancellationToken) is not { } ratings)
        {
            return Refusal.UnknownUser;
        }

        var started = Stopwatch.GetTimestamp();
        var model = live.Current;
        IReadOnlySet<int> excluded = ratings.Skipped;
        if (genres is { Count: > 0 })
        {
            excluded = model.Genres.FilmsNotOf(genres).Union(ratings.Skipped).ToHashSet();
        }

        // The ratings just read, not the pool's copy of them: a person's newest ratings count at once.
        IReadOnlyList<RecommendedMovie> picks = model.Recommender.Recommend(ratings.StarsByMovie, topN, excluded, model.SelfIndexOf(chatId))
            .Select(pick => new RecommendedMovie(
                model.Catalog.Get(pick.MovieId),
                pick.Score,
                new RecommendationReason(pick.Evidence, model.Catalog)))
            .ToList();
        metrics.RecommendationDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Outcome.Done(picks);
    }

    /// <summary>
    /// The best <paramref name="topN"/> films for a group (<see cref="GroupRecommender"/>, average
    /// without misery): none that any member rated or skipped, with <paramref name="genres"/> only
    /// films of any of them; each with every member's predicted stars and a reason. The first member
    /// unknown or under 10 ratings stops it. One store read per member.
    /// </summary>
    public async Task<GroupRecommendation> RecommendGroupAsync(
        IReadOnlyList<string> chatIds, int topN, IReadOnlyCollection<string> genres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var model = live.Current;
        var members = new List<GroupMember>(chatIds.Count);
        var excluded = new HashSet<int>();
        foreach (var chatId in chatIds)
        {
            if (await store.GetRatingsAsync(chatId, cancellationToken) is not { } ratings)
            {
                return new MemberNotReady(chatId, Refusal.UnknownUser);
            }

            var profile = RatingProfile.FromMovieIds(model.Ratings, ratings.StarsByMovie);
            if (profile.Count < RecommendationRules.MinimumRatings)
            {
                return new MemberNotReady(chatId, Refusal.TooFewRatings);
            }

            members.Add(new GroupMember(profile, model.SelfIndexOf(chatId)));
            excluded.UnionWith(ratings.Skipped);
        }

        if (genres.Count > 0)
        {
            excluded.UnionWith(model.Genres.FilmsNotOf(genres));
        }

        var excludedIndices = excluded.Select(id => model.Ratings.TryGetMovieIndex(id, out var index) ? index : -1).Where(index => index >= 0).ToList();
        var picks = new GroupRecommender(model.Recommender).Recommend(members, topN, excludedIndices, GroupStrategy.AverageWithoutMisery);
        return new GroupFilms([.. picks.Select(pick => new GroupFilm(
            model.Catalog.Get(model.Ratings.MovieId(pick.Movie)),
            [.. chatIds.Select((chatId, at) => new MemberStars(chatId, pick.MemberStars[at]))],
            new GroupReason(pick)))]);
    }
}
