namespace MovieRec.Api.Tests;

/// <summary>How many store calls (Table Storage round trips) each route makes, counted behind the in-process host.</summary>
public class StoreRoundTripTests(InProcessApi api) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task Each_route_makes_one_store_call_and_a_rating_two()
    {
        var chatId = ApiFixture.NewChatId();

        Assert.Equal(1, await CallsForAsync("/register", new { chat_id = chatId }));
        Assert.Equal(1, await CallsForAsync("/get_unrated_movie", new { chat_id = chatId }));
        // The write, then the read that counts the user's ratings.
        Assert.Equal(2, await CallsForAsync("/rate_movie", new { chat_id = chatId, movie_id = 318, rating = 4.5 }));
        Assert.Equal(1, await CallsForAsync("/skip_movie", new { chat_id = chatId, movie_id = 296 }));
        Assert.Equal(1, await CallsForAsync("/recommend", new { chat_id = chatId, top_n = 3 }));
        Assert.Equal(1, await CallsForAsync("/recommend", new { chat_id = chatId, genres = new[] { "Comedy" } }));
        Assert.Equal(0, await CallsForAsync("/search_movies", new { query = "matrix" }));
        Assert.Equal(1, await CallsForAsync("/search_movies", new { query = "matrix", chat_id = chatId }));
        Assert.Equal(1, await CallsForAsync("/my_ratings", new { chat_id = chatId }));
        // The removal (Table: one transaction, with its change note beside it), then the read that counts.
        Assert.Equal(2, await CallsForAsync("/unrate_movie", new { chat_id = chatId, movie_id = 318 }));
    }

    [Fact]
    public async Task A_refused_request_makes_no_store_call_at_all()
    {
        Assert.Equal(0, await CallsForAsync("/rate_movie", new { chat_id = ApiFixture.NewChatId(), movie_id = 999_999_999, rating = 4 }));
        Assert.Equal(0, await CallsForAsync("/recommend", new { chat_id = "no spaces allowed" }));
        Assert.Equal(0, await CallsForAsync("/recommend", new { chat_id = ApiFixture.NewChatId(), genres = new[] { "Kung Fu" } }));
        Assert.Equal(0, await CallsForAsync("/unrate_movie", new { chat_id = ApiFixture.NewChatId(), movie_id = 999_999_999 }));
        Assert.Equal(0, await CallsForAsync("/search_movies", new { query = "   ", chat_id = ApiFixture.NewChatId() }));
    }

    private async Task<int> CallsForAsync(string path, object body)
    {
        var before = api.Store.Calls;
        var (status, _) = await api.PostAsync(path, body);
        Assert.InRange(status, 200, 499);
        return api.Store.Calls - before;
    }
}
