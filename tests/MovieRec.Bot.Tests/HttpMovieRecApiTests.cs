using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MovieRec.Testing;

namespace MovieRec.Bot.Tests;

/// <summary>The bot's HTTP way to the API (MOVIEREC_API_URL) against our host and against a server shaped like the original Flask one.</summary>
public sealed class HttpMovieRecApiTests(BotFixture app) : IClassFixture<BotFixture>
{
    [Fact]
    public async Task It_drives_the_standalone_host_through_the_contract()
    {
        using var http = new HttpClient { BaseAddress = app.Host.Client.BaseAddress };
        var api = new HttpMovieRecApi(http);
        var chat = $"http-{BotFixture.NewChatId()}";

        Assert.True(await api.RegisterAsync(chat, CancellationToken.None));
        Assert.False(await api.RegisterAsync(chat, CancellationToken.None));
        var movie = await api.GetUnratedMovieAsync(chat, CancellationToken.None);
        Assert.NotNull(movie);
        Assert.True(Repository.MovieLens.Catalog.TryGet(movie.Id, out var known));
        Assert.Equal((known.Title, known.Url), (movie.Title, movie.Url));
        Assert.Equal(1, await api.RateMovieAsync(chat, movie.Id, 4, CancellationToken.None));
        Assert.Empty(await api.RecommendAsync(chat, 3, CancellationToken.None));
        var stored = await app.Store.GetRatingsAsync(chat, CancellationToken.None);
        Assert.Equal(4, stored!.StarsByMovie[movie.Id]);
    }

    [Fact]
    public async Task It_reads_a_flask_shaped_server_that_sends_only_the_seed_fields()
    {
        await using var flask = await FlaskShapedServer.StartAsync(StatusCodes.Status200OK);
        var api = new HttpMovieRecApi(flask.Client);

        Assert.False(await api.RegisterAsync("42", CancellationToken.None));
        Assert.Equal(new UnratedMovie(1, "Toy Story (1995)", "https://www.imdb.com/title/tt0114709/"), await api.GetUnratedMovieAsync("42", CancellationToken.None));
        Assert.Null(await api.RateMovieAsync("42", 1, 5, CancellationToken.None));
        Assert.Equal([new BotMovie("Heat (1995)", "https://www.imdb.com/title/tt0113277/")], await api.RecommendAsync("42", 3, CancellationToken.None));
    }

    [Theory]
    [InlineData(StatusCodes.Status503ServiceUnavailable)]
    [InlineData(StatusCodes.Status500InternalServerError)]
    [InlineData(StatusCodes.Status400BadRequest)]
    public async Task A_server_that_cannot_answer_is_a_MovieRecApiException(int status)
    {
        await using var broken = await FlaskShapedServer.StartAsync(status);
        var api = new HttpMovieRecApi(broken.Client);

        var error = await Assert.ThrowsAsync<MovieRecApiException>(() => api.RegisterAsync("42", CancellationToken.None));
        Assert.Contains(status.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_MovieRecApiException()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/") };

        await Assert.ThrowsAsync<MovieRecApiException>(() => new HttpMovieRecApi(http).RecommendAsync("42", 3, CancellationToken.None));
    }

    /// <summary>Answers as the seed's Flask app did: no ids in recommendations, no rating count; or always the given error.</summary>
    private sealed class FlaskShapedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FlaskShapedServer(WebApplication app, string url)
        {
            _app = app;
            Client = new HttpClient { BaseAddress = new Uri(url + "/") };
        }

        public HttpClient Client { get; }

        public static async Task<FlaskShapedServer> StartAsync(int status)
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(url);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                if (status != StatusCodes.Status200OK)
                {
                    context.Response.StatusCode = status;
                    await context.Response.WriteAsync("<html>error</html>");
                    return;
                }

                await next(context);
            });
            app.MapPost("/register", () => Results.Json(new { exists = 1 }));
            app.MapPost("/get_unrated_movie", () => Results.Json(new { id = 1, title = "Toy Story (1995)", url = "https://www.imdb.com/title/tt0114709/" }));
            app.MapPost("/rate_movie", () => Results.Json(new { status = "success" }));
            app.MapPost("/recommend", () => Results.Json(new { movies = new[] { new { title = "Heat (1995)", url = "https://www.imdb.com/title/tt0113277/" } } }));
            await app.StartAsync();
            return new FlaskShapedServer(app, url);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _app.DisposeAsync();
        }
    }
}
