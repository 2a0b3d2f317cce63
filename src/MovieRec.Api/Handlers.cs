using System.Text.Json;
using MovieRec.Service;

namespace MovieRec.Api;

/// <summary>POST /register: {"exists": 0} the first time a chat id is seen, {"exists": 1} after.</summary>
public sealed class RegisterHandler(RecommenderService service) : IApiHandler
{
    public async Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken)
    {
        var created = await service.RegisterAsync(RequestFields.ChatId(body), cancellationToken);
        return ApiResult.Ok(new RegisterAnswer(created ? 0 : 1));
    }
}

/// <summary>POST /get_unrated_movie: a random movie the user has not rated, weighted by popularity.</summary>
public sealed class GetUnratedMovieHandler(RecommenderService service) : IApiHandler
{
    public async Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken)
    {
        var chatId = RequestFields.ChatId(body);
        var offer = await service.GetUnratedMovieAsync(chatId, cancellationToken);
        return offer.Value is { } movie
            ? ApiResult.Ok(new MovieAnswer(movie.Id, movie.Title, movie.Url))
            : Refused.For(offer.Refusal!.Value, chatId);
    }
}

/// <summary>POST /rate_movie and /rate: stores a rating, {"status": "success"} once it is durable, with how many movies the user has rated.</summary>
public sealed class RateMovieHandler(RecommenderService service) : IApiHandler
{
    public async Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken)
    {
        var chatId = RequestFields.ChatId(body);
        var movieId = RequestFields.MovieId(body);
        var stars = RequestFields.Rating(body);
        var rated = await service.RateMovieAsync(chatId, movieId, stars, cancellationToken);
        return rated.Refusal is { } refusal
            ? Refused.For(refusal, chatId, movieId)
            : ApiResult.Ok(new RateAnswer("success", rated.Value));
    }
}

/// <summary>POST /recommend: the top_n movies the recommender ranks best for the user, each with its predicted stars and reason.</summary>
public sealed class RecommendHandler(RecommenderService service) : IApiHandler
{
    public async Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken)
    {
        var chatId = RequestFields.ChatId(body);
        var topN = RequestFields.TopN(body);
        var picks = await service.RecommendAsync(chatId, topN, cancellationToken);
        return ApiResult.Ok(new RecommendAnswer(
            picks.Select(p => new RecommendedMovieAnswer(p.Movie.Id, p.Movie.Title, p.Movie.Url, Math.Round(p.Score, 2), p.Reason)).ToList()));
    }
}

/// <summary>GET /health: the matrix's counts and load time; nothing secret.</summary>
public sealed class HealthHandler(MovieLensModel loaded) : IApiHandler
{
    public Task<ApiResult> HandleAsync(JsonElement? body, CancellationToken cancellationToken)
    {
        return Task.FromResult(ApiResult.Ok(new HealthAnswer(
            "ok",
            loaded.Catalog.Count,
            loaded.Ratings.UserCount,
            loaded.Ratings.RatingCount,
            loaded.LoadedAt,
            (long)loaded.LoadTime.TotalMilliseconds)));
    }
}
