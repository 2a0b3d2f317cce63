using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MovieRec.Bot;

/// <summary>
/// The API over HTTP (MOVIEREC_API_URL): any server that speaks the contract, the original Flask
/// server included. Reads only the contract's fields, so extra fields are welcome and missing
/// extras (such as "rated_movies") are simply unknown.
/// </summary>
public sealed class HttpMovieRecApi(HttpClient http) : IMovieRecApi
{
    public async Task<bool> RegisterAsync(string chatId, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("register", new { chat_id = chatId }, cancellationToken);
        return Read(answer, "exists", e => e.GetInt32()) == 0;
    }

    public async Task<UnratedMovie?> GetUnratedMovieAsync(string chatId, CancellationToken cancellationToken)
    {
        // The bot registers the user before asking, so a 404 here means no movie is left to rate.
        using var answer = await PostAsync("get_unrated_movie", new { chat_id = chatId }, cancellationToken, HttpStatusCode.NotFound);
        if (answer is null)
        {
            return null;
        }

        var movie = answer.RootElement;
        return movie.ValueKind == JsonValueKind.Object && movie.TryGetProperty("id", out var id) && id.TryGetInt32(out var movieId)
            ? new UnratedMovie(movieId, Text(movie, "title"), Text(movie, "url"))
            : throw new MovieRecApiException("The MovieRec API sent a movie to rate without an integer 'id'.");
    }

    public async Task<int?> RateMovieAsync(string chatId, int movieId, int stars, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("rate_movie", new { chat_id = chatId, movie_id = movieId, rating = stars }, cancellationToken);
        if (Read(answer, "status", e => e.GetString()) != "success")
        {
            throw new MovieRecApiException("The API did not confirm the rating.");
        }

        return answer!.RootElement.TryGetProperty("rated_movies", out var rated) && rated.TryGetInt32(out var count) ? count : null;
    }

    public async Task<IReadOnlyList<BotMovie>> RecommendAsync(string chatId, int topN, CancellationToken cancellationToken)
    {
        using var answer = await PostAsync("recommend", new { chat_id = chatId, top_n = topN }, cancellationToken);
        return Read(answer, "movies", e => e.EnumerateArray().Select(ReadMovie).ToList());
    }

    /// <summary>The parsed answer of a 2xx; null for the one status the caller treats as "none".</summary>
    private async Task<JsonDocument?> PostAsync(string route, object body, CancellationToken cancellationToken, HttpStatusCode? none = null)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(route, body, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MovieRecApiException($"The MovieRec API at {http.BaseAddress} is unreachable.", e);
        }

        using (response)
        {
            if (response.StatusCode == none)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MovieRecApiException($"The MovieRec API answered {(int)response.StatusCode} on /{route}.");
            }

            try
            {
                return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new MovieRecApiException($"The MovieRec API answered /{route} with something that is not JSON.", e);
            }
        }
    }

    private static T Read<T>(JsonDocument? answer, string field, Func<JsonElement, T> read)
    {
        try
        {
            return read(answer!.RootElement.GetProperty(field));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new MovieRecApiException($"The MovieRec API's answer has no readable '{field}'.", e);
        }
    }

    private static BotMovie ReadMovie(JsonElement movie) => new(Text(movie, "title"), Text(movie, "url"));

    private static string Text(JsonElement movie, string field) =>
        movie.ValueKind == JsonValueKind.Object && movie.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new MovieRecApiException($"The MovieRec API sent a movie without a '{field}'.");
}
