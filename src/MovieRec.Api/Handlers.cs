using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Api;

/// <summary>
/// The routes of docs/api.md as handlers of typed requests: each takes its request and returns typed
/// results, with the use cases given by injection. Reading the body, validation and outages are
/// the endpoint's (<see cref="HttpEndpoint"/>); expected refusals are answered here, by <see cref="Refused"/>.
/// </summary>
public sealed class Handlers(RecommenderService service, RateLimits limits, LiveModel live)
{
    /// <summary>
    /// POST /register: {"exists": 0} the first time a chat id is seen, {"exists": 1} after. A key
    /// takes one of its new chats before the store is asked, and gives it back when the chat existed,
    /// so parallel calls never create more than the budget; with none left, a chat that would be new
    /// gets 429 (one extra read tells a known one, which still answers {"exists": 1}).
    /// </summary>
    public async Task<Results<Ok<RegisterAnswer>, JsonHttpResult<ErrorAnswer>>> RegisterAsync(
        ChatRequest request, ApiCaller caller, HttpResponse response, CancellationToken cancellationToken)
    {
        if (caller.KeyId is not { } key)
        {
            return TypedResults.Ok(new RegisterAnswer(await service.RegisterAsync(request.ChatId, cancellationToken) ? 0 : 1));
        }

        if (!limits.TryTakeNewChat(key, out var permit, out var wait))
        {
            return await service.IsKnownAsync(request.ChatId, cancellationToken)
                ? TypedResults.Ok(new RegisterAnswer(1))
                : TooMany(response, wait, "This API key has registered as many new chats as it may in a minute; try again after Retry-After.");
        }

        // A store failure keeps the permit: the chat may have been created before the answer was lost.
        var created = await service.RegisterAsync(request.ChatId, cancellationToken);
        if (!created)
        {
            limits.ChatExisted(permit);
        }

        return TypedResults.Ok(new RegisterAnswer(created ? 0 : 1));
    }

    /// <summary>POST /forget: everything held about the chat deleted; /register then answers {"exists": 0}.</summary>
    public async Task<Results<Ok<ForgetAnswer>, JsonHttpResult<ErrorAnswer>>> ForgetAsync(
        ChatRequest request, CancellationToken cancellationToken)
    {
        var forgotten = await service.ForgetAsync(request.ChatId, cancellationToken);
        return forgotten.Match<Results<Ok<ForgetAnswer>, JsonHttpResult<ErrorAnswer>>>(
            () => TypedResults.Ok(new ForgetAnswer("success")),
            refusal => Refused.For(refusal, request.ChatId));
    }

    /// <summary>The Mini App's sign-in: the person registered (so every other call finds them), how many films they rated, and the genres to filter by.</summary>
    public async Task<Ok<MiniAppMeAnswer>> SignedInAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        await service.RegisterAsync(request.ChatId, cancellationToken);
        var page = await service.MyRatingsAsync(request.ChatId, 0, 1, cancellationToken);
        return TypedResults.Ok(new MiniAppMeAnswer(page.Match(ratings => ratings.Total, _ => 0), service.Genres.Names));
    }

    /// <summary>
    /// The Mini App's texts: its words in the person's language, and a label in it for each genre name the
    /// page shows and filters by (the filter still sends the name).
    /// </summary>
    public Ok<MiniAppTextsAnswer> MiniAppTextsFor(CultureInfo language) => TypedResults.Ok(new MiniAppTextsAnswer(
        language.Name, MiniAppTexts.For(language), service.Genres.Names.ToDictionary(name => name, name => GenreNames.In(name, language), StringComparer.Ordinal)));

    /// <summary>429 with Retry-After (whole seconds, at least 1) and the JSON error of docs/api.md.</summary>
    public static JsonHttpResult<ErrorAnswer> TooMany(HttpResponse response, TimeSpan retryAfter, string message)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiErrors.Of(StatusCodes.Status429TooManyRequests, message);
    }

    /// <summary>POST /get_unrated_movie: a movie the user has neither rated nor skipped, among those they most likely saw.</summary>
    public Task<Results<Ok<MovieAnswer>, JsonHttpResult<ErrorAnswer>>> GetUnratedMovieAsync(
        ChatRequest request, CancellationToken cancellationToken) => GetUnratedMovieAsync(request, shownTogether: false, cancellationToken);

    /// <summary>The same; <paramref name="shownTogether"/> for the Mini App, which shows six at once: drawn among more films.</summary>
    public async Task<Results<Ok<MovieAnswer>, JsonHttpResult<ErrorAnswer>>> GetUnratedMovieAsync(
        ChatRequest request, bool shownTogether, CancellationToken cancellationToken)
    {
        var offer = await service.GetUnratedMovieAsync(request.ChatId, shownTogether, cancellationToken);
        return offer.TryGet(out var movie, out var refusal)
            ? TypedResults.Ok(new MovieAnswer(movie.Id, movie.Title, movie.Url))
            : Refused.For(refusal, request.ChatId);
    }

    /// <summary>POST /rate_movie and /rate: stores a rating, {"status": "success"} once it is durable, with how many movies the user has rated.</summary>
    public async Task<Results<Ok<RateAnswer>, JsonHttpResult<ErrorAnswer>>> RateMovieAsync(
        RateRequest request, CancellationToken cancellationToken)
    {
        var rated = await service.RateMovieAsync(request.ChatId, request.MovieId, request.Rating, cancellationToken);
        return rated.TryGet(out var ratings, out var refusal)
            ? TypedResults.Ok(new RateAnswer("success", ratings.StarsByMovie.Count))
            : Refused.For(refusal, request.ChatId, request.MovieId);
    }

    /// <summary>POST /skip_movie: {"status": "success"} once the skip is stored; the movie is never offered or recommended to the user again.</summary>
    public async Task<Results<Ok<SkipAnswer>, JsonHttpResult<ErrorAnswer>>> SkipMovieAsync(
        SkipRequest request, CancellationToken cancellationToken)
    {
        var skipped = await service.SkipMovieAsync(request.ChatId, request.MovieId, cancellationToken);
        return skipped.Match<Results<Ok<SkipAnswer>, JsonHttpResult<ErrorAnswer>>>(
            () => TypedResults.Ok(new SkipAnswer("success")),
            refusal => Refused.For(refusal, request.ChatId, request.MovieId));
    }

    /// <summary>
    /// POST /recommend: the top_n movies the recommender ranks best for the user, each with its
    /// predicted stars and reason; with genres, films of any of them. An unknown genre is a 400 that
    /// names the valid ones; a genre named twice (in any case) counts once, so what goes on is at
    /// most the catalogue's genres, each once.
    /// </summary>
    public async Task<Results<Ok<RecommendAnswer>, JsonHttpResult<ErrorAnswer>>> RecommendAsync(
        RecommendRequest request, CultureInfo? language, CancellationToken cancellationToken)
    {
        if (!ResolveGenres(request.Genres, out var resolved, out var unknown))
        {
            return unknown;
        }

        // An unknown chat gets the empty list, as one with too few ratings does (docs/api.md).
        var picks = (await service.RecommendAsync(request.ChatId, request.TopN, cancellationToken, resolved)).Match(found => found, _ => []);
        return TypedResults.Ok(new RecommendAnswer(
            picks.Select(p => new RecommendedMovieAnswer(
                p.Movie.Id, p.Movie.Title, p.Movie.Url, Math.Round(p.Score, 2), p.Why.Text(language), TitleWords.YearOf(p.Movie.Title), GenreIndex.Of(p.Movie))).ToList()));
    }

    /// <summary>
    /// POST /recommend_group: the films best for the group as a whole, each with every member's
    /// predicted stars and a reason; a member unknown or under 10 ratings is a 400 that names them.
    /// </summary>
    public async Task<Results<Ok<RecommendGroupAnswer>, JsonHttpResult<ErrorAnswer>>> RecommendGroupAsync(
        RecommendGroupRequest request, CancellationToken cancellationToken)
    {
        if (!ResolveGenres(request.Genres, out var resolved, out var unknown))
        {
            return unknown;
        }

        return await service.RecommendGroupAsync(request.ChatIds, request.TopN, resolved, cancellationToken) switch
        {
            GroupFilms films => TypedResults.Ok(new RecommendGroupAnswer([.. films.Films.Select(f => new GroupFilmAnswer(
                f.Movie.Id,
                f.Movie.Title,
                f.Movie.Url,
                TitleWords.YearOf(f.Movie.Title),
                GenreIndex.Of(f.Movie),
                Math.Round(f.Score, 2),
                [.. f.Members.Select(m => new MemberScoreAnswer(m.ChatId, Math.Round(m.Stars, 2)))],
                f.Reason))])),
            MemberNotReady { Why: Refusal.UnknownUser } member => ApiErrors.Of(
                StatusCodes.Status400BadRequest, $"Chat id '{member.ChatId}' is not registered; every member needs 10 ratings first."),
            MemberNotReady member => ApiErrors.Of(
                StatusCodes.Status400BadRequest, $"Chat id '{member.ChatId}' has rated fewer than {RecommendationRules.MinimumRatings} movies; every member needs 10 ratings first."),
            var other => throw new InvalidOperationException($"Unexpected group recommendation {other}."),
        };
    }

    /// <summary>POST /search_movies: films by title, best first; with a chat id, that person's rating or skip of each.</summary>
    public async Task<Ok<SearchAnswer>> SearchMoviesAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var found = await service.SearchAsync(request.Query, request.Limit, request.ChatId, cancellationToken);
        return TypedResults.Ok(new SearchAnswer([.. found.Select(f => new FoundMovieAnswer(
            f.Movie.Id, f.Movie.Title, TitleWords.YearOf(f.Movie.Title), f.Movie.Url, GenreIndex.Of(f.Movie), f.YourRating, f.Skipped ? true : null))]));
    }

    /// <summary>POST /my_ratings: a page of the person's ratings, newest first, and how many in all.</summary>
    public async Task<Results<Ok<MyRatingsAnswer>, JsonHttpResult<ErrorAnswer>>> MyRatingsAsync(
        MyRatingsRequest request, CancellationToken cancellationToken)
    {
        var page = await service.MyRatingsAsync(request.ChatId, request.Offset, request.Limit, cancellationToken);
        return page.TryGet(out var ratings, out var refusal)
            ? TypedResults.Ok(new MyRatingsAnswer(ratings.Total, [.. ratings.Ratings.Select(r => new GivenRatingAnswer(r.Movie.Id, r.Movie.Title, r.Movie.Url, r.Stars, r.RatedAt))]))
            : Refused.For(refusal, request.ChatId);
    }

    /// <summary>POST /unrate_movie: the rating or skip taken back; how many movies the person has rated now.</summary>
    public async Task<Results<Ok<RateAnswer>, JsonHttpResult<ErrorAnswer>>> UnrateMovieAsync(
        UnrateRequest request, CancellationToken cancellationToken)
    {
        var unrated = await service.UnrateMovieAsync(request.ChatId, request.MovieId, cancellationToken);
        return unrated.TryGet(out var ratedMovies, out var refusal)
            ? TypedResults.Ok(new RateAnswer("success", ratedMovies))
            : Refused.For(refusal, request.ChatId, request.MovieId);
    }

    /// <summary>GET /health: the model in use (its counts, how many users are the app's own, when it was built) and the MovieLens load time; nothing secret.</summary>
    public Ok<HealthAnswer> Health()
    {
        var model = live.Current;
        return TypedResults.Ok(new HealthAnswer(
            "ok",
            model.Catalog.Count,
            model.Ratings.UserCount,
            model.Ratings.RatingCount,
            model.AppUsers,
            model.Version,
            model.BuiltAt,
            model.LoadedAt,
            (long)model.LoadTime.TotalMilliseconds));
    }

    /// <summary>The genre names as MovieLens spells them, each once; false with the 400 that names the valid ones for an unknown name.</summary>
    private bool ResolveGenres(IReadOnlyList<string> names, out List<string> resolved, [NotNullWhen(false)] out JsonHttpResult<ErrorAnswer>? unknown)
    {
        var genres = service.Genres;
        resolved = [];
        unknown = null;
        foreach (var name in names)
        {
            if (!genres.TryResolve(name, out var genre))
            {
                unknown = ApiErrors.Of(StatusCodes.Status400BadRequest, $"'{name}' is not a MovieLens genre; the genres are: {string.Join(", ", genres.Names)}.");
                return false;
            }

            if (!resolved.Contains(genre))
            {
                resolved.Add(genre);
            }
        }

        return true;
    }
}
