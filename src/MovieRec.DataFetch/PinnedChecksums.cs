using System.Security.Cryptography;

namespace MovieRec.DataFetch;

/// <summary>
/// The SHA-256 of each file of one MovieLens release (ml-latest-small, ml-100k), as pinned in
/// the repository's data/SHA256SUMS.
/// </summary>
public sealed class PinnedChecksums
{
    public const string LatestSmall = "ml-latest-small";
    public const string Hundred = "ml-100k";

    private readonly Dictionary<string, string> _byFileName;

    public PinnedChecksums(string release, IReadOnlyDictionary<string, string> byFileName)
    {
        Release = release;
        _byFileName = new Dictionary<string, string>(byFileName, StringComparer.Ordinal);
    }

    /// <summary>The release's name, which is also the folder its zip holds the files in.</summary>
    public string Release { get; }

    public IEnumerable<string> FileNames => _byFileName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The checksums of <paramref name="release"/> compiled into this assembly from data/SHA256SUMS.</summary>
    public static PinnedChecksums Embedded(string release = LatestSmall)
    {
        using var stream = typeof(PinnedChecksums).Assembly.GetManifestResourceStream("SHA256SUMS")
            ?? throw new InvalidOperationException("The pinned SHA256SUMS resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), release);
    }

    /// <summary>Reads <c>sha256sum</c> output ("hash  release/file" per line) and keeps the lines of <paramref name="release"/>.</summary>
    public static PinnedChecksums Parse(string text, string release = LatestSmall)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                throw new FormatException($"'{line}' is not a sha256sum line.");
            }

            var path = parts[1].Trim().TrimStart('*');
            if (Path.GetDirectoryName(path) == release)
            {
                sums[Path.GetFileName(path)] = parts[0].ToLowerInvariant();
            }
        }

        return sums.Count > 0 ? new PinnedChecksums(release, sums) : throw new FormatException($"No checksum is pinned for {release}.");
    }

    /// <summary>Null when the file matches its pinned checksum; otherwise what is wrong.</summary>
    public string? Mismatch(string path)
    {
        var name = Path.GetFileName(path);
        if (!_byFileName.TryGetValue(name, out var expected))
        {
            return $"{name} has no pinned checksum";
        }

        if (!File.Exists(path))
        {
            return $"{name} is missing";
        }

        var actual = Sha256(path);
        return actual == expected ? null : $"{name} has SHA-256 {actual}, expected {expected}";
    }

    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
