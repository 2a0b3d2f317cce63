using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>/recommend_group in process: three people with ten ratings each, and what the route refuses.</summary>
public class GroupRecommendationTests(InProcessApi api) : IClassFixture<InProcessApi>
{
    // Three tastes: space opera and adventure; crime and thrillers; animation and comedy.
    private static readonly int[] Ann = [260, 1196, 1210, 1198, 2571, 1, 589, 480, 1240, 32];
    private static readonly int[] Ben = [50, 296, 318, 858, 47, 593, 1213, 1221, 2959, 1089];
    private static readonly int[] Cat = [1, 2355, 3114, 4306, 6377, 4886, 8961, 2081, 364, 588];

    [Fact]
    public async Task Three_people_get_films_none_of_them_rated_each_with_every_members_stars_and_a_reason()
    {
        var members = new[] { await PersonWithAsync(Ann), await PersonWithAsync(Ben), await PersonWithAsync(Cat) };

        var (status, body) = await api.PostAsync("/recommend_group", new { chat_ids = members });

        Assert.Equal(200, status);
        var films = body.GetProperty("movies").EnumerateArray().ToList();
        Assert.Equal(5, films.Count);
        var rated = Ann.Concat(Ben).Concat(Cat).ToHashSet();
        Assert.All(films, film =>
        {
            Assert.DoesNotContain(film.GetProperty("id").GetInt32(), rated);
            Assert.Equal(members, film.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("chat_id").GetString()));
            var stars = film.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("score").GetDouble()).ToList();
            Assert.All(stars, s => Assert.InRange(s, 0.5, 5));
            // The group's score is the members' mean; each is rounded to 2 places on the way out.
            Assert.InRange(film.GetProperty("score").GetDouble(), stars.Average() - 0.01, stars.Average() + 0.01);
            Assert.NotEmpty(film.GetProperty("genres").EnumerateArray());
            Assert.Matches(@"^https://www\.imdb\.com/title/tt\d{7,8}/$", film.GetProperty("url").GetString()!);
            Assert.Matches(@"(Nobody is predicted below|The best the group has left)", film.GetProperty("reason").GetString()!);
        });
    }

    [Fact]
    public async Task A_genre_narrows_the_group_films_to_that_genre()
    {
        var members = new[] { await PersonWithAsync(Ann), await PersonWithAsync(Cat) };

        var (status, body) = await api.PostAsync("/recommend_group", new { chat_ids = members, top_n = 3, genres = new[] { "comedy" } });

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("movies").GetArrayLength());
        Assert.All(body.GetProperty("movies").EnumerateArray(), film => Assert.Contains("Comedy", film.GetProperty("genres").EnumerateArray().Select(g => g.GetString())));
    }

    [Fact]
    public async Task A_member_with_nine_ratings_or_none_is_a_400_that_names_them()
    {
        var ready = await PersonWithAsync(Ann);
        var nine = await PersonWithAsync(Ben[..9]);
        var unknown = ApiFixture.NewChatId();

        var (tooFew, tooFewBody) = await api.PostAsync("/recommend_group", new { chat_ids = new[] { ready, nine } });
        var (notKnown, notKnownBody) = await api.PostAsync("/recommend_group", new { chat_ids = new[] { ready, unknown } });

        Assert.Equal((400, 400), (tooFew, notKnown));
        Assert.Contains($"'{nine}' has rated fewer than 10 movies", tooFewBody.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains($"'{unknown}' is not registered", notKnownBody.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "chat_ids is required")]
    [InlineData("{\"chat_ids\": [\"42\"]}", "chat_ids must be a list of 2 to 10 chat ids")]
    [InlineData("{\"chat_ids\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", "chat_ids must be a list of 2 to 10 chat ids")]
    [InlineData("{\"chat_ids\": \"42,43\"}", "chat_ids must be a list of 2 to 10 chat ids")]
    [InlineData("{\"chat_ids\": [\"42\", 42]}", "chat_ids must not name a chat twice")]
    [InlineData("{\"chat_ids\": [\"42\", \"a b\"]}", "Each of chat_ids must be 1 to 64 characters")]
    [InlineData("{\"chat_ids\": [\"42\", true]}", "Each of chat_ids must be a string or a whole number")]
    [InlineData("{\"chat_ids\": [\"42\", \"43\"], \"top_n\": 21}", "top_n must be a whole number from 1 to 20")]
    [InlineData("{\"chat_ids\": [\"42\", \"43\"], \"genres\": [\"Space Western\"]}", "'Space Western' is not a MovieLens genre")]
    public async Task A_bad_group_request_is_400_with_a_reason(string json, string reason)
    {
        var (status, body) = await api.PostAsync("/recommend_group", json);

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> PersonWithAsync(IEnumerable<int> films)
    {
        var chatId = ApiFixture.NewChatId();
        await api.PostAsync("/register", new { chat_id = chatId });
        foreach (var film in films)
        {
            Assert.Equal(200, (await api.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = film, rating = 4.5 })).Status);
        }

        return chatId;
    }
}
