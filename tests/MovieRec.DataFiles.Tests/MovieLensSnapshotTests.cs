using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Testing;

namespace MovieRec.DataFiles.Tests;

public sealed class MovieLensSnapshotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("movierec-snapshot-").FullName;

    public MovieLensSnapshotTests()
    {
        foreach (var file in MovieLensReader.RequiredFiles)
        {
            File.Copy(Path.Combine(Repository.MovieLensFolder, file), Path.Combine(_folder, file));
        }
    }

    [Fact]
    public void A_snapshot_reads_back_as_exactly_the_catalog_and_matrix_of_its_csvs()
    {
        MovieLensSnapshot.Refresh(_folder);

        var fromCsv = MovieLensReader.ReadFolder(_folder);
        var fromSnapshot = MovieLensSnapshot.TryRead(_folder)!;
        Assert.Equal(fromCsv.Catalog.Movies, fromSnapshot.Catalog.Movies);
        var ratings = new Dictionary<int, double> { [1] = 5, [260] = 5, [1196] = 5, [1210] = 4.5, [2571] = 5, [589] = 4, [1240] = 4, [480] = 3.5, [32] = 4, [50] = 5 };
        Assert.Equal(
            new UserBasedRecommender(fromCsv.Ratings, new RecommenderOptions()).Recommend(ratings, 10).Select(p => (p.MovieId, p.Score)),
            new UserBasedRecommender(fromSnapshot.Ratings, new RecommenderOptions()).Recommend(ratings, 10).Select(p => (p.MovieId, p.Score)));
        Assert.True(new FileInfo(MovieLensSnapshot.PathIn(_folder)).Length < new FileInfo(Path.Combine(_folder, "ratings.csv")).Length);
    }

    [Fact]
    public void A_damaged_snapshot_is_not_used()
    {
        MovieLensSnapshot.Refresh(_folder);
        var path = MovieLensSnapshot.PathIn(_folder);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        Assert.Null(MovieLensSnapshot.TryRead(_folder));
    }

    [Fact]
    public void A_snapshot_of_csvs_that_changed_since_is_not_used()
    {
        MovieLensSnapshot.Refresh(_folder);
        File.AppendAllText(Path.Combine(_folder, "ratings.csv"), "999,1,5.0,0\n");

        Assert.Null(MovieLensSnapshot.TryRead(_folder));
    }

    [Fact]
    public void No_snapshot_means_none()
    {
        Assert.Null(MovieLensSnapshot.TryRead(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
