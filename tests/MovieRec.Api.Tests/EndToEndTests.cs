using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>
/// The seed's whole flow and the hard cases, over real HTTP against the standalone host process
/// and Azurite; one of each for the class (every test uses its own chat ids).
/// </summary>
public sealed class EndToEndTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Ten_rated_movies_get_three_unrated_recommendations_with_reasons_and_nine_get_none()
    {
        const string chatId = "seed-flow";
        Assert.Equal(0, (await app.Host.PostAsync("/register", new { chat_id = chatId })).Body.GetProperty("exists").GetInt32());

        var rated = new Dictionary<int, double>();
        for (var i = 0; i < 10; i++)
        {
            if (i == 9)
            {
                var early = await app.Host.PostAsync("/recommend", new { chat_id = chatId, top_n = 3 });
                Assert.Equal(0, early.Body.GetProperty("movies").GetArrayLength());
            }

            var movie = (await app.Host.PostAsync("/get_unrated_movie", new { chat_id = chatId })).Body;
            var movieId = movie.GetProperty("id").GetInt32();
            Assert.DoesNotContain(movieId, rated.Keys);
            var answer = await app.Host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = movieId, rating = 1 + (i % 5) });
            Assert.Equal("success", answer.Body.GetProperty("status").GetString());
            Assert.Equal(i + 1, answer.Body.GetProperty("rated_movies").GetInt32());
            rated[movieId] = 1 + (i % 5);
        }

        var (status, body) = await app.Host.PostAsync("/recommend", new { chat_id = chatId, top_n = 3 });

        Assert.Equal(200, status);
        var movies = body.GetProperty("movies").EnumerateArray().ToList();
        Assert.Equal(3, movies.Count);
        Assert.All(movies, m =>
        {
            Assert.DoesNotContain(m.GetProperty("id").GetInt32(), rated.Keys);
            Assert.Matches(@"^https://www\.imdb\.com/title/tt\d{7,8}/$", m.GetProperty("url").GetString());
            Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("title").GetString()));
            Assert.InRange(m.GetProperty("score").GetDouble(), StarScale.Min, StarScale.Max);
        });

        Assert.Equal(3, movies.Select(m => m.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(movies, m => Assert.Matches(@"^\d+ of the 35 people whose taste is closest to yours rated it, \d\.\d stars on average", m.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_readmes_ten_ratings_get_raiders_of_the_lost_ark_first_with_the_reason_the_readme_quotes()
    {
        const string chatId = "readme-example";
        await app.Host.PostAsync("/register", new { chat_id = chatId });
        // README, "Then, for example" and `movierec recommend --ratings …`: Toy Story, Star Wars IV–VI,
        // The Matrix, Terminator 2, The Terminator, Jurassic Park, 12 Monkeys, The Usual Suspects.
        foreach (var (movieId, stars) in new (int, double)[] { (1, 5), (260, 5), (1196, 5), (1210, 4.5), (2571, 5), (589, 4), (1240, 4), (480, 3.5), (32, 4), (50, 5) })
        {
            Assert.Equal(200, (await app.Host.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = movieId, rating = stars })).Status);
        }

        var first = (await app.Host.PostAsync("/recommend", new { chat_id = chatId, top_n = 3 })).Body.GetProperty("movies")[0];

        Assert.Equal(1198, first.GetProperty("id").GetInt32());
        Assert.Equal("Raiders of the Lost Ark (Indiana Jones and the Raiders of the Lost Ark) (1981)", first.GetProperty("title").GetString());
        Assert.Equal(
            "21 of the 35 people whose taste is closest to yours rated it, 4.6 stars on average; 16 of them also loved Star Wars: Episode IV - A New Hope (1977), which you gave 5 stars.",
            first.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_chunked_body_with_an_impossible_chunk_size_is_a_400_with_a_json_error()
    {
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("127.0.0.1", app.Host.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            "POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n{}\r\n0\r\n\r\n"));
        var answer = new byte[4096];
        var read = await stream.ReadAsync(answer);
        var text = System.Text.Encoding.ASCII.GetString(answer, 0, read);

        Assert.StartsWith("HTTP/1.1 400 ", text, StringComparison.Ordinal);
        Assert.Contains("{\"error\":\"The request body could not be read", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_100_concurrent_registrations_over_http_exactly_one_sees_exists_0()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => app.Host.PostAsync("/register", new { chat_id = "crowd" })));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers, a => a.Body.GetProperty("exists").GetInt32() == 0);
    }

    [Fact]
    public async Task Two_hundred_concurrent_ratings_by_one_person_are_each_acknowledged_or_rate_limited_and_never_refused_as_unavailable()
    {
        await app.Host.PostAsync("/register", new { chat_id = "rater" });
        var movieIds = Repository.MovieLens.Catalog.Movies.Take(200).Select(m => m.Id).ToList();

        var answers = await Task.WhenAll(movieIds.Select(async id =>
            (id, (await app.Host.PostAsync("/rate_movie", new { chat_id = "rater", movie_id = id, rating = 3.5 })).Status)));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 429 }));
        var acknowledged = answers.Where(a => a.Status == 200).Select(a => a.id).Order().ToList();
        var ratings = await StoreFor.Azurite(app.Azurite).GetRatingsAsync("rater", CancellationToken.None);
        Assert.Equal(acknowledged, ratings!.StarsByMovie.Keys.Order());
    }

    [Fact]
    public async Task Two_hundred_people_rating_at_once_are_all_acknowledged_and_stored()
    {
        var people = Enumerable.Range(0, 200).Select(i => $"crowd-{i}").ToList();
        await Task.WhenAll(people.Select(p => app.Host.PostAsync("/register", new { chat_id = p })));

        var answers = await Task.WhenAll(people.Select(async p => (await app.Host.PostAsync("/rate_movie", new { chat_id = p, movie_id = 318, rating = 5 })).Status));

        Assert.All(answers, status => Assert.Equal(200, status));
        var store = StoreFor.Azurite(app.Azurite);
        var stored = await store.ReadUsersAsync(people, CancellationToken.None);
        Assert.Equal(200, stored.Count(u => u.StarsByMovie.TryGetValue(318, out var stars) && stars == 5));
    }

    [Fact]
    public async Task Forget_over_http_empties_the_chats_partition_on_azurite_and_register_then_starts_afresh()
    {
        await app.Host.PostAsync("/register", new { chat_id = "forgetful" });
        foreach (var film in new[] { 1, 2, 3 })
        {
            await app.Host.PostAsync("/rate_movie", new { chat_id = "forgetful", movie_id = film, rating = 4 });
        }

        var forgotten = await app.Host.PostAsync("/forget", new { chat_id = "forgetful" });
        var users = new Azure.Data.Tables.TableClient(app.Azurite.ConnectionString, new Storage.StorageOptions().UsersTable);
        var left = users.Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "forgetful").Count();
        var registered = await app.Host.PostAsync("/register", new { chat_id = "forgetful" });

        Assert.Equal(200, forgotten.Status);
        Assert.Equal(0, left);
        Assert.Equal(0, registered.Body.GetProperty("exists").GetInt32());
    }

    [Fact]
    public async Task Malformed_and_hostile_bodies_get_4xx_and_change_nothing()
    {
        await app.Host.PostAsync("/register", new { chat_id = "target" });
        await app.Host.PostAsync("/rate_movie", new { chat_id = "target", movie_id = 1, rating = 4 });
        var store = StoreFor.Azurite(app.Azurite);
        var before = (await store.GetRatingsAsync("target", CancellationToken.None))!.StarsByMovie;

        // Wrong for every route: not a JSON object, or a chat id no route accepts, or too big.
        string[] badForEveryRoute =
        [
            "", "null", "not json", "{", "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 4", "[]", "42", "\"target\"",
            "{\"chat_id\": [\"target\"], \"movie_id\": 2, \"rating\": 4}", "{\"chat_id\": {\"id\": 1}, \"movie_id\": 2, \"rating\": 4}",
            "{\"chat_id\": \"target\\u0000\", \"movie_id\": 2, \"rating\": 4}", "{\"chat_id\": \"tar\\nget\", \"movie_id\": 2, \"rating\": 4}",
            "{\"chat_id\": \"t\u00e4rget\", \"movie_id\": 2, \"rating\": 4}", "{\"chat_id\": \"\ud83c\udfac\", \"movie_id\": 2, \"rating\": 4}",
            "{\"chat_id\": \"target' or 1 eq 1\", \"movie_id\": 2, \"rating\": 4}",
            $"{{\"chat_id\": \"{new string('a', 65)}\", \"movie_id\": 2, \"rating\": 4}}",
            $"{{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 4, \"pad\": \"{new string('x', 1024 * 1024)}\"}}",
            new string('[', 100_000),
        ];

        // Wrong only for rating: a valid chat id with a bad movie or rating.
        string[] badRatings =
        [
            "{\"chat_id\": \"target\", \"movie_id\": 1e10, \"rating\": 4}", "{\"chat_id\": \"target\", \"movie_id\": 2147483648, \"rating\": 4}",
            "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 1e308}", "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": -0.5}",
            "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 0}", "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 5.5}",
            "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": NaN}", "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": \"5\"}",
            "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": null}", "{\"chat_id\": \"target\", \"movie_id\": 2}",
            "{\"chat_id\": \"target\", \"movie_id\": 2, \"rating\": 99999999999999999999999999999999}",
            "{\"chat_id\": \"target\", \"movie_id\": 999999999, \"rating\": 4}",
        ];

        var attempts = new[] { "/rate_movie", "/rate", "/register", "/get_unrated_movie", "/recommend" }.SelectMany(path => badForEveryRoute.Select(body => (path, body)))
            .Concat(new[] { "/rate_movie", "/rate" }.SelectMany(path => badRatings.Select(body => (path, body))));
        foreach (var (path, body) in attempts)
        {
            var (status, answer) = await app.Host.PostAsync(path, body);
            Assert.True(status is >= 400 and < 500, $"{path} answered {status} to {body[..Math.Min(body.Length, 80)]}");
            Assert.Equal(JsonValueKind.String, answer.GetProperty("error").ValueKind);
        }

        Assert.Equal(before, (await store.GetRatingsAsync("target", CancellationToken.None))!.StarsByMovie);
        Assert.Null(await store.GetRatingsAsync("target' or 1 eq 1", CancellationToken.None));
    }

}
