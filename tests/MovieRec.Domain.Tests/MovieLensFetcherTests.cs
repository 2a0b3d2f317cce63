using System.IO.Compression;
using MovieRec.DataFetch;
using MovieRec.DataFiles;
using MovieRec.Evaluation;
using MovieRec.Testing;

namespace MovieRec.Domain.Tests;

public sealed class MovieLensFetcherTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("movierec-fetch-").FullName;
    private readonly MovieLensFetcher _fetcher = new(PinnedChecksums.Embedded(), new HttpClient { Timeout = TimeSpan.FromSeconds(10) });

    private string Target => Path.Combine(_work, "data", "ml-latest-small");

    [Fact]
    public async Task The_official_zip_is_fetched_verified_and_not_fetched_twice()
    {
        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(Repository.SharedZip, Target));
        Assert.Equal(["links.csv", "movies.csv", "ratings.csv"], Directory.GetFiles(Target).Select(Path.GetFileName).Order());

        // A verified copy is kept: the source is not even looked at.
        Assert.Equal(FetchResult.AlreadyVerified, await _fetcher.FetchAsync(Path.Combine(_work, "nowhere.zip"), Target));
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task A_folder_source_works_like_the_zip()
    {
        var folder = Path.Combine(_work, "unpacked");
        ZipFile.ExtractToDirectory(Repository.SharedZip, folder);

        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(folder, Target));
        Assert.True(_fetcher.IsVerified(Target));
    }

    [Fact]
    public async Task A_tampered_file_fails_the_checksum_and_leaves_nothing_behind()
    {
        var zip = CopyOfSharedZipWith("ml-latest-small/ratings.csv", "userId,movieId,rating,timestamp\n1,1,5.0,0\n");

        var error = await Assert.ThrowsAsync<FetchException>(() => _fetcher.FetchAsync(zip, Target));

        Assert.Contains("ratings.csv has SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(Target));
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task A_tampered_copy_already_in_place_is_replaced_by_a_verified_one()
    {
        Directory.CreateDirectory(Target);
        ZipFile.ExtractToDirectory(Repository.SharedZip, _work);
        foreach (var name in new[] { "movies.csv", "links.csv", "ratings.csv" })
        {
            File.Copy(Path.Combine(_work, "ml-latest-small", name), Path.Combine(Target, name));
        }

        File.AppendAllText(Path.Combine(Target, "movies.csv"), "999999,Not A Movie (2030),Drama\n");
        Assert.False(_fetcher.IsVerified(Target));

        Assert.Equal(FetchResult.Fetched, await _fetcher.FetchAsync(Repository.SharedZip, Target));
        Assert.True(_fetcher.IsVerified(Target));
    }

    [Fact]
    public async Task A_zip_without_a_required_file_says_which()
    {
        var zip = CopyOfSharedZipWith("ml-latest-small/links.csv", content: null);

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
    public async Task Ml_100k_is_fetched_and_verified_with_its_own_pins_and_its_own_setting()
    {
        var fetcher = new MovieLensFetcher(PinnedChecksums.Embedded(PinnedChecksums.Hundred), new HttpClient());
        var target = Path.Combine(_work, "data", "ml-100k");

        Assert.Equal(FetchResult.Fetched, await fetcher.FetchAsync(Repository.SharedZipOf("ml-100k"), target));
        Assert.Equal(MovieLens100k.RequiredFiles.Order(StringComparer.Ordinal), Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // ml-latest-small is not ml-100k: the pins refuse it and name ml-100k's setting.
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(Repository.SharedZip, Path.Combine(_work, "data", "other")));
        Assert.Contains("MOVIELENS_100K_SOURCE", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no u.data", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string CopyOfSharedZipWith(string entryName, string? content)
    {
        var path = Path.Combine(_work, $"altered-{Guid.NewGuid():N}.zip");
        File.Copy(Repository.SharedZip, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entryName)!.Delete();
        if (content is not null)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        return path;
    }

    private void AssertNoStagingLeft() =>
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(_work, "data")), d => Path.GetFileName(d).Contains(".partial-", StringComparison.Ordinal));
}
