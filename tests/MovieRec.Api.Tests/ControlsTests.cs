using System.Text.Json;
using MovieRec.Testing;

namespace MovieRec.Api.Tests;

/// <summary>Contract revision 3's controls in process: search, a person's own ratings, unrating, genres on /recommend.</summary>
public class ControlsTests(InProcessApi api) : IClassFixture<InProcessApi>
{
    private static readonly int[] TenFilms = [1, 260, 1196, 1210, 2571, 589, 1240, 480, 32, 50];

    [Fact]
    public async Task Search_finds_the_matrix_by_its_article_first_title_with_year_genres_and_imdb_url()
    {
        var (status, body) = await api.PostAsync("/search_movies", new { query = "the matrix" });

        Assert.Equal(200, status);
        var first = body.GetProperty("movies")[0];
        Assert.Equal((2571, "Matrix, The (1999)", 1999), (first.GetProperty("id").GetInt32(), first.GetProperty("title").GetString(), first.GetProperty("year").GetInt32()));
        Assert.Equal("https://www.imdb.com/title/tt0133093/", first.GetProperty("url").GetString());
        Assert.Equal(["Action", "Sci-Fi", "Thriller"], first.GetProperty("genres").EnumerateArray().Select(g => g.GetString()));
        Assert.False(first.TryGetProperty("your_rating", out _));
    }

    [Theory]
    [InlineData("matrx 1999")]
    [InlineData("MATRIX, THE")]
    [InlineData("Matrix (1999)")]
    public async Task Search_forgives_a_typo_case_and_the_year_in_parentheses(string query)
    {
        var (_, body) = await api.PostAsync("/search_movies", new { query, limit = 3 });

        Assert.Equal(2571, body.GetProperty("movies")[0].GetProperty("id").GetInt32());
        Assert.InRange(body.GetProperty("movies").GetArrayLength(), 1, 3);
    }

    [Fact]
    public async Task Search_with_a_known_chat_id_shows_that_persons_rating_and_skip()
    {
        var chatId = await PersonWithAsync([(2571, 4.5)]);
        await api.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 6365 });

        var (_, body) = await api.PostAsync("/search_movies", new { query = "matrix", chat_id = chatId, limit = 10 });

        var movies = body.GetProperty("movies").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt32());
        Assert.Equal(4.5, movies[2571].GetProperty("your_rating").GetDouble());
        Assert.True(movies[6365].GetProperty("skipped").GetBoolean());
        Assert.False(movies[6365].TryGetProperty("your_rating", out _));
    }

    [Theory]
    [InlineData("{\"query\": \"\"}", "query must have something")]
    [InlineData("{\"query\": \"   \"}", "query must have something")]
    [InlineData("{}", "query is required")]
    [InlineData("{\"query\": 42}", "query is required")]
    [InlineData("{\"query\": \"alien\", \"limit\": 21}", "limit must be a whole number from 1 to 20")]
    [InlineData("{\"query\": \"alien\", \"limit\": 0}", "limit must be a whole number from 1 to 20")]
    [InlineData("{\"query\": \"alien\", \"chat_id\": \"a b\"}", "chat_id must be 1 to 64 characters")]
    public async Task A_bad_search_is_400_with_a_reason(string json, string reason)
    {
        var (status, body) = await api.PostAsync("/search_movies", json);

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_ratings_lists_ratings_newest_first_in_pages_without_skips()
    {
        var chatId = await PersonWithAsync([(1, 4), (260, 5), (1196, 3.5)]);
        await api.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 2571 });

        var (status, all) = await api.PostAsync("/my_ratings", new { chat_id = chatId });
        var (_, second) = await api.PostAsync("/my_ratings", new { chat_id = chatId, offset = 1, limit = 1 });

        Assert.Equal(200, status);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal([1196, 260, 1], Ids(all, "ratings"));
        Assert.Equal(3.5, all.GetProperty("ratings")[0].GetProperty("rating").GetDouble());
        Assert.True(all.GetProperty("ratings")[0].GetProperty("rated_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal([260], Ids(second, "ratings"));
    }

    [Fact]
    public async Task My_ratings_of_an_unknown_chat_is_404()
    {
        var (status, body) = await api.PostAsync("/my_ratings", new { chat_id = ApiFixture.NewChatId() });

        Assert.Equal(404, status);
        Assert.Contains("not registered", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrating_the_tenth_film_takes_a_person_back_under_ten_and_their_list_empty()
    {
        var chatId = await PersonWithAsync([.. TenFilms.Select(f => (f, 4.5))]);
        var before = await api.PostAsync("/recommend", new { chat_id = chatId });

        var (status, body) = await api.PostAsync("/unrate_movie", new { chat_id = chatId, movie_id = 50 });
        var after = await api.PostAsync("/recommend", new { chat_id = chatId });
        var again = await api.PostAsync("/unrate_movie", new { chat_id = chatId, movie_id = 50 });

        Assert.Equal(3, before.Body.GetProperty("movies").GetArrayLength());
        Assert.Equal((200, "success", 9), (status, body.GetProperty("status").GetString(), body.GetProperty("rated_movies").GetInt32()));
        Assert.Equal(0, after.Body.GetProperty("movies").GetArrayLength());
        Assert.Equal(404, again.Status);
        Assert.Contains("neither rated nor skipped", again.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrating_a_skip_ends_it_and_leaves_the_ratings_alone()
    {
        var chatId = await PersonWithAsync([(1, 4)]);
        await api.PostAsync("/skip_movie", new { chat_id = chatId, movie_id = 2571 });

        var (status, body) = await api.PostAsync("/unrate_movie", new { chat_id = chatId, movie_id = 2571 });

        Assert.Equal((200, 1), (status, body.GetProperty("rated_movies").GetInt32()));
        var stored = await api.Store.GetRatingsAsync(chatId, CancellationToken.None);
        Assert.Empty(stored!.Skipped);
        Assert.Equal([1], stored.StarsByMovie.Keys);
    }

    [Fact]
    public async Task Recommend_by_genre_gives_a_full_list_of_films_of_those_genres_only()
    {
        var chatId = await PersonWithAsync([.. TenFilms.Select(f => (f, 4.5))]);

        var comedy = await api.PostAsync("/recommend", new { chat_id = chatId, top_n = 10, genres = new[] { "comedy" } });
        var either = await api.PostAsync("/recommend", new { chat_id = chatId, top_n = 10, genres = new[] { "Horror", "DOCUMENTARY" } });

        Assert.Equal(10, comedy.Body.GetProperty("movies").GetArrayLength());
        Assert.All(comedy.Body.GetProperty("movies").EnumerateArray(), m => Assert.Contains("Comedy", Genres(m)));
        Assert.Equal(10, either.Body.GetProperty("movies").GetArrayLength());
        Assert.All(either.Body.GetProperty("movies").EnumerateArray(), m => Assert.True(Genres(m).Intersect(["Horror", "Documentary"]).Any()));
        Assert.All(comedy.Body.GetProperty("movies").EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("reason").GetString())));
    }

    [Theory]
    [InlineData("{\"chat_id\": \"x1\", \"genres\": [\"Kung Fu\"]}", "'Kung Fu' is not a MovieLens genre; the genres are: Action, Adventure, Animation")]
    [InlineData("{\"chat_id\": \"x1\", \"genres\": \"Comedy\"}", "genres must be a list of genre names")]
    [InlineData("{\"chat_id\": \"x1\", \"genres\": [1]}", "genres must be a list of genre names")]
    public async Task An_unknown_or_malformed_genre_is_400_naming_the_genres(string json, string reason)
    {
        var (status, body) = await api.PostAsync("/recommend", json);

        Assert.Equal(400, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> PersonWithAsync(IEnumerable<(int Movie, double Stars)> ratings)
    {
        var chatId = ApiFixture.NewChatId();
        await api.PostAsync("/register", new { chat_id = chatId });
        foreach (var (movie, stars) in ratings)
        {
            Assert.Equal(200, (await api.PostAsync("/rate_movie", new { chat_id = chatId, movie_id = movie, rating = stars })).Status);
            // No pause between ratings: each is stamped with the clock to the tick, and each call awaits the last.
        }

        return chatId;
    }

    private static IEnumerable<int> Ids(JsonElement body, string list) => body.GetProperty(list).EnumerateArray().Select(m => m.GetProperty("id").GetInt32());

    private static string[] Genres(JsonElement movie) => [.. movie.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!)];
}
