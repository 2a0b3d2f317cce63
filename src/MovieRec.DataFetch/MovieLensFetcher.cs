using System.IO.Compression;

namespace MovieRec.DataFetch;

/// <summary>
/// Puts the verified files of one MovieLens release (the one its <see cref="PinnedChecksums"/> are of) into a folder. Files are staged in a sibling folder,
/// verified there and only then moved into place, so a failure leaves nothing half-written.
/// </summary>
public sealed class MovieLensFetcher
{
    /// <summary>The official download of a release.</summary>
    public static string OfficialUrlOf(string release) => $"https://files.grouplens.org/datasets/movielens/{release}.zip";

    /// <summary>The environment variable that names where a release is fetched from.</summary>
    public static string SourceSettingOf(string release) =>
        release == PinnedChecksums.LatestSmall ? "MOVIELENS_SOURCE" : $"MOVIELENS_{release[3..].ToUpperInvariant()}_SOURCE";

    private string SourceSetting => SourceSettingOf(_checksums.Release);

    private readonly PinnedChecksums _checksums;
    private readonly HttpClient _http;

    public MovieLensFetcher(PinnedChecksums checksums, HttpClient http)
    {
        _checksums = checksums;
        _http = http;
    }

    /// <summary>True when every pinned file is in <paramref name="folder"/> with the right checksum.</summary>
    public bool IsVerified(string folder) => _checksums.FileNames.All(name => _checksums.Mismatch(Path.Combine(folder, name)) is null);

    public async Task<FetchResult> FetchAsync(
        string source,
        string targetFolder,
        IProgress<DownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        targetFolder = Path.GetFullPath(targetFolder);
        if (IsVerified(targetFolder))
        {
            return FetchResult.AlreadyVerified;
        }

        var parent = Path.GetDirectoryName(targetFolder)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(targetFolder)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await StageAsync(source, staging, progress, cancellationToken);
            var problems = _checksums.FileNames
                .Select(name => _checksums.Mismatch(Path.Combine(staging, name)))
                .OfType<string>()
                .ToList();
            if (problems.Count > 0)
            {
                throw new FetchException(
                    $"{Describe(source)} is not the pinned {_checksums.Release}: {string.Join("; ", problems)}. Point {SourceSetting} at the official zip.");
            }

            MoveIntoPlace(staging, targetFolder);
            return FetchResult.Fetched;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task StageAsync(string source, string staging, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            var zip = Path.Combine(staging, "download.zip");
            await DownloadAsync(uri, zip, progress, cancellationToken);
            ExtractZip(zip, staging, source);
            File.Delete(zip);
        }
        else if (Directory.Exists(source))
        {
            CopyFolder(source, staging);
        }
        else if (File.Exists(source))
        {
            ExtractZip(source, staging, source);
        }
        else
        {
            throw new FetchException(
                $"{SourceSetting} '{source}' is neither an existing zip, a folder nor an http(s) URL. Point it at {_checksums.Release}.zip.");
        }
    }

    private async Task DownloadAsync(Uri uri, string path, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException(
                    $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}. Check the URL, or set {SourceSetting} to a local {_checksums.Release}.zip.");
            }

            var total = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = File.Create(path);
            var buffer = new byte[81920];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
                progress?.Report(new DownloadProgress(received, total));
            }
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(
                $"Cannot download {uri}: {e.Message}. Without internet, set {SourceSetting} to a local {_checksums.Release}.zip.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(
                $"Downloading {uri} timed out. Try again, or set {SourceSetting} to a local {_checksums.Release}.zip.", e);
        }
    }

    private void ExtractZip(string zipPath, string staging, string source)
    {
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var name in _checksums.FileNames)
            {
                // The official zip nests the files in a folder named for the release; a flat zip is fine too.
                var entry = zip.Entries.FirstOrDefault(e => e.FullName == $"{_checksums.Release}/{name}")
                    ?? zip.Entries.FirstOrDefault(e => e.Name == name)
                    ?? throw new FetchException($"{Describe(source)} has no {name}. Point {SourceSetting} at the {_checksums.Release} zip.");
                entry.ExtractToFile(Path.Combine(staging, name));
            }
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"{Describe(source)} is not a readable zip ({e.Message}). Fetch {_checksums.Release}.zip again.", e);
        }
    }

    private void CopyFolder(string source, string staging)
    {
        var folder = File.Exists(Path.Combine(source, _checksums.FileNames.First())) ? source : Path.Combine(source, _checksums.Release);
        foreach (var name in _checksums.FileNames)
        {
            var from = Path.Combine(folder, name);
            if (!File.Exists(from))
            {
                throw new FetchException($"{Describe(source)} has no {name}. Point {SourceSetting} at a folder holding {_checksums.Release}'s files.");
            }

            File.Copy(from, Path.Combine(staging, name));
        }
    }

    private static void MoveIntoPlace(string staging, string target)
    {
        if (Directory.Exists(target))
        {
            var old = $"{target}.old-{Guid.NewGuid():N}";
            Directory.Move(target, old);
            Directory.Move(staging, target);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(staging, target);
        }
    }

    private string Describe(string source) => $"{SourceSetting} '{source}'";
}
