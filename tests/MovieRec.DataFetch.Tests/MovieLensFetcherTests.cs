using System.IO.Compression;
using MovieRec.DataFetch;
using MovieRec.DataFiles;
using MovieRec.Evaluation;

namespace MovieRec.DataFetch.Tests;

/// <summary>
/// The fetch and its verification, on zips the tests write themselves (<see cref="MovieLensZipFixture"/>,
/// pinned by their own checksums); the real releases are fetched and verified by scripts/fetch-data.sh.
/// </summary>
public sealed class MovieLensFetcherTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("movierec-fetch-").FullName;
    private readonly MovieLensZipFixture _release;
    private readonly MovieLensFetcher _fetcher;

    public MovieLensFetcherTests()
    {
        _release = MovieLensZipFixture.LatestSmall(_work);
        _fetcher = new MovieLensFetcher(_release.Pins, new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
    }

    private string Target => Path.Combine(_work, "data", "ml-latest-small");

    [Fact]
    public async Task A_pinned_zip_is_fetched_verified_and_not_fetched_twice()
    {
        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(_release.ZipPath, Target));
        Assert.Equal(["links.csv", "movies.csv", "ratings.csv"], Directory.GetFiles(Target).Select(Path.GetFileName).Order());
        Assert.Equal(_release.ContentOf("ratings.csv"), File.ReadAllText(Path.Combine(Target, "ratings.csv")));
        var fetched = MovieLensReader.ReadFolder(Target);
        Assert.Equal(3, fetched.Catalog.Count);
        Assert.Equal(4, fetched.Ratings.RatingCount);

        // A verified copy is kept: the source is not even looked at.
        Assert.Equal(FetchResult.AlreadyVerified, await _fetcher.FetchAsync(Path.Combine(_work, "nowhere.zip"), Target));
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task A_folder_source_works_like_the_zip()
    {
        var folder = Path.Combine(_work, "unpacked");
        ZipFile.ExtractToDirectory(_release.ZipPath, folder);

        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(folder, Target));
        Assert.True(_fetcher.IsVerified(Target));
    }

    [Fact]
    public async Task A_tampered_file_fails_the_checksum_and_leaves_nothing_behind()
    {
        const string Tampered = "userId,movieId,rating,timestamp\n1,1,5.0,0\n";
        var zip = _release.CopyWith("ratings.csv", Tampered, Path.Combine(_work, "tampered.zip"));

        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(zip, Target));

        var expected = MovieLensZipFixture.Sha256Of(_release.ContentOf("ratings.csv"));
        Assert.Contains($"ratings.csv has SHA-256 {MovieLensZipFixture.Sha256Of(Tampered)}, expected {expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("movies.csv", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(Target));
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task A_tampered_copy_already_in_place_is_replaced_by_a_verified_one()
    {
        ZipFile.ExtractToDirectory(_release.ZipPath, Path.Combine(_work, "data"));
        File.AppendAllText(Path.Combine(Target, "movies.csv"), "999999,Not A Movie (2030),Drama\n");
        Assert.False(_fetcher.IsVerified(Target));

        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(_release.ZipPath, Target));
        Assert.True(_fetcher.IsVerified(Target));
        Assert.Equal(_release.ContentOf("movies.csv"), File.ReadAllText(Path.Combine(Target, "movies.csv")));
    }

    [Fact]
    public async Task A_zip_without_a_required_file_says_which()
    {
        var zip = _release.CopyWith("links.csv", content: null, Path.Combine(_work, "without-links.zip"));

        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(zip, Target));

        Assert.Contains("has no links.csv", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task An_unreachable_url_says_what_to_do()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync("http://127.0.0.1:9/ml-latest-small.zip", Target));

        Assert.Contains("set MOVIELENS_SOURCE to a local ml-latest-small.zip", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task A_source_that_does_not_exist_is_named()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(Path.Combine(_work, "missing.zip"), Target));

        Assert.Contains("is neither an existing zip, a folder nor an http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pinned_checksums_cover_exactly_the_three_files_the_product_reads()
    {
        Assert.Equal(MovieLensReader.RequiredFiles.Order(), PinnedChecksums.Embedded().FileNames);
    }

    [Fact]
    public async Task The_built_in_pins_are_the_official_release_and_refuse_any_other_zip()
    {
        var fetcher = new MovieLensFetcher(PinnedChecksums.Embedded(), new HttpClient());

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_release.ZipPath, Target));

        // ratings.csv of ml-latest-small as GroupLens publishes it (data/SHA256SUMS).
        Assert.Contains("is not the pinned ml-latest-small", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public async Task Ml_100k_is_fetched_and_verified_with_its_own_pins_and_its_own_setting()
    {
        var hundred = MovieLensZipFixture.Hundred(_work);
        var fetcher = new MovieLensFetcher(hundred.Pins, new HttpClient());
        var target = Path.Combine(_work, "data", "ml-100k");

        Assert.Equal(FetchResult.Fetched, await fetcher.FetchAsync(hundred.ZipPath, target));
        Assert.Equal(MovieLens100k.RequiredFiles.Order(StringComparer.Ordinal), Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // ml-latest-small is not ml-100k: the pins refuse it and name ml-100k's setting.
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(_release.ZipPath, Path.Combine(_work, "data", "other")));
        Assert.Contains("MOVIELENS_100K_SOURCE", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no u.data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_in_ml_100k_pins_are_the_official_release_and_refuse_any_other_zip()
    {
        var hundred = MovieLensZipFixture.Hundred(_work);
        var fetcher = new MovieLensFetcher(PinnedChecksums.Embedded(PinnedChecksums.Hundred), new HttpClient());

        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(hundred.ZipPath, Path.Combine(_work, "data", "ml-100k")));

        // u.data of ml-100k as GroupLens publishes it (data/SHA256SUMS).
        Assert.Contains("expected 06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490", error.Message, StringComparison.Ordinal);
        Assert.Contains("MOVIELENS_100K_SOURCE", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private void AssertNoStagingLeft() =>
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(_work, "data")), d => Path.GetFileName(d).Contains(".partial-", StringComparison.Ordinal));
}
