using MovieRec.Service;
using MovieRec.Storage;

namespace MovieRec.Bot;

/// <summary>The API as the function app's own services: the same use cases the HTTP routes call, no network hop.</summary>
public sealed class ServiceMovieRecApi(RecommenderService service) : IMovieRecApi
{
    public Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken) =>
        Call(() => service.RegisterAsync(chatId, cancellationToken));

    public Task<UnratedMovie?> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken) =>
        Call<UnratedMovie?>(async () =>
        {
            try
            {
                var movie = await service.GetUnratedMovieAsync(chatId, cancellationToken);
                return new UnratedMovie(movie.Id, movie.Title, movie.Url);
            }
            catch (NoUnratedMovieException)
            {
                return null;
            }
        });

    public Task<int?> RateMovieAsync(string chatId, int movieId, int stars, CancellationToken cancellationToken) =>
        Call<int?>(async () => await service.RateMovieAsync(chatId, movieId, stars, cancellationToken));

    public Task<IReadOnlyList<BotMovie>> RecommendAsync(string chatId, int topN, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<BotMovie>>(async () =>
            (await service.RecommendAsync(chatId, topN, cancellationToken))
                .Select(p => new BotMovie(p.Movie.Title, p.Movie.Url))
                .ToList());

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StoreUnavailableException e)
        {
            throw new MovieRecApiException("The ratings store is unreachable.", e);
        }
        catch (Exception e) when (e is UnknownUserException or UnknownMovieException)
        {
            throw new MovieRecApiException(e.Message, e);
        }
    }
}
