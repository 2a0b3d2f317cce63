using MovieRec.Evaluation;
using MovieRec.Testing;

namespace MovieRec.Evaluation.Tests;

/// <summary>ml-100k as the evaluation reads it (fetched by scripts/test.sh).</summary>
public class MovieLens100kTests
{
    [Fact]
    public void The_dataset_has_the_published_counts_and_its_five_folds_partition_the_ratings()
    {
        var dataset = MovieLens100k.ReadFolder(Repository.MovieLens100kFolder);

        Assert.Equal((943, 1682, 100_000), (dataset.Ratings.UserCount, dataset.Ratings.MovieCount, dataset.Ratings.RatingCount));
        Assert.Equal(100_000, dataset.PublishedFolds!.Count);
        Assert.Equal([20_000, 20_000, 20_000, 20_000, 20_000], dataset.PublishedFolds.Values.GroupBy(f => f).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal("Toy Story (1995)", dataset.Catalog.Get(1).Title);
    }

    [Fact]
    public void Latin_1_titles_are_read_as_latin_1()
    {
        var dataset = MovieLens100k.ReadFolder(Repository.MovieLens100kFolder);

        Assert.Contains(dataset.Catalog.Movies, m => m.Title.Contains('é', StringComparison.Ordinal));
        Assert.DoesNotContain(dataset.Catalog.Movies, m => m.Title.Contains('\uFFFD', StringComparison.Ordinal));
    }
}
