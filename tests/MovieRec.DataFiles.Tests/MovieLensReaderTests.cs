using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.DataFiles.Tests;

public class MovieLensReaderTests
{
    private const string Movies = """
        movieId,title,genres
        11,"American President, The (1995)",Comedy|Drama|Romance
        32,Twelve Monkeys (a.k.a. 12 Monkeys) (1995),Mystery|Sci-Fi|Thriller
        99,"Film With ""Quotes"", A (2001)",Drama
        """;

    private const string Links = """
        movieId,imdbId,tmdbId
        11,0112346,9087
        32,0114746,63
        99,,
        """;

    private const string Ratings = """
        userId,movieId,rating,timestamp
        1,11,4.0,964982703
        1,32,3.5,964981247
        2,11,0.5,964982224
        """;

    [Fact]
    public void Quoted_titles_keep_their_commas_and_quotes()
    {
        var dataset = Read(Movies, Links, Ratings);

        Assert.Equal(
            ["American President, The (1995)", "Twelve Monkeys (a.k.a. 12 Monkeys) (1995)", "Film With \"Quotes\", A (2001)"],
            dataset.Catalog.Movies.Select(m => m.Title));
        Assert.True(dataset.Catalog.TryGet(11, out var president));
        Assert.Equal("Comedy|Drama|Romance", president.Genres);
    }

    [Fact]
    public void Urls_are_imdb_pages_with_seven_digit_ids_or_the_movielens_page()
    {
        var catalog = Read(Movies, Links, Ratings).Catalog;

        Assert.Equal(
            ["https://www.imdb.com/title/tt0112346/", "https://www.imdb.com/title/tt0114746/", "https://movielens.org/movies/99"],
            catalog.Movies.Select(m => m.Url));
    }

    [Fact]
    public void Ratings_become_rows_per_user_and_columns_per_movie()
    {
        var matrix = Read(Movies, Links, Ratings).Ratings;

        Assert.Equal((2, 3, 3), (matrix.UserCount, matrix.MovieCount, matrix.RatingCount));
        Assert.True(matrix.TryGetMovieIndex(11, out var president));
        Assert.True(matrix.TryGetMovieIndex(99, out var unrated));
        Assert.Equal(2, matrix.RatingCountOf(president));
        Assert.Equal(0, matrix.RatingCountOf(unrated));
        Assert.Equal([4f, 3.5f], matrix.StarsGivenBy(0).ToArray());
        Assert.Equal((4 + 3.5 + 0.5) / 3, matrix.GlobalMean, 9);
    }

    [Theory]
    [InlineData("1,11,6.0,0", "'6.0' is not a rating")]
    [InlineData("1,11,4.2,0", "'4.2' is not a rating")]
    [InlineData("1,x,4.0,0", "'x' is not a whole number")]
    [InlineData("1,12345,4.0,0", "Movie 12345 is rated but not in the catalog")]
    public void Bad_rating_rows_are_refused_with_the_row_named(string row, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(Movies, Links, $"userId,movieId,rating,timestamp\n{row}\n"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_the_wrong_header_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(Movies, "movieId,tmdbId\n1,2\n", Ratings));

        Assert.Contains("links.csv does not start with the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_who_rated_a_movie_twice_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(Movies, Links, "userId,movieId,rating,timestamp\n1,11,4,0\n1,11,5,0\n"));

        Assert.Contains("User 1 rated movie 11 more than once", error.Message, StringComparison.Ordinal);
    }

    private static MovieLensDataset Read(string movies, string links, string ratings) =>
        MovieLensReader.Read(new StringReader(movies), new StringReader(links), new StringReader(ratings));
}
