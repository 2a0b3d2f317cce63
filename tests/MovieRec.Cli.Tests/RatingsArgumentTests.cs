using MovieRec.Cli;

namespace MovieRec.Cli.Tests;

public class RatingsArgumentTests
{
    [Fact]
    public void Pairs_of_movie_and_stars_are_read()
    {
        Assert.Equal(new Dictionary<int, double> { [1] = 5, [260] = 4.5 }, RatingsArgument.Parse("1:5, 260:4.5"));
    }

    [Theory]
    [InlineData("1:5,abc", "'abc' is not movieId:stars")]
    [InlineData("1:6", "stars must be 0.5 to 5")]
    [InlineData("1:4.2", "stars must be 0.5 to 5")]
    [InlineData("1:5,1:4", "Movie 1 is rated twice")]
    [InlineData("-1:5", "'-1:5' is not movieId:stars")]
    public void Malformed_ratings_are_refused_with_a_reason(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => RatingsArgument.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
