using System.Security.Cryptography;

namespace MovieRec.DataFetch;

/// <summary>The SHA-256 of each MovieLens file, as pinned in the repository's data/SHA256SUMS.</summary>
public sealed class PinnedChecksums
{
    private readonly Dictionary<string, string> _byFileName;

    public PinnedChecksums(IReadOnlyDictionary<string, string> byFileName)
    {
        _byFileName = new Dictionary<string, string>(byFileName, StringComparer.Ordinal);
    }

    public IEnumerable<string> FileNames => _byFileName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The checksums compiled into this assembly from data/SHA256SUMS.</summary>
    public static PinnedChecksums Embedded()
    {
        using var stream = typeof(PinnedChecksums).Assembly.GetManifestResourceStream("SHA256SUMS")
            ?? throw new InvalidOperationException("The pinned SHA256SUMS resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads <c>sha256sum</c> output: "hash  folder/file" per line; the key is the file name.</summary>
    public static PinnedChecksums Parse(string text)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                throw new FormatException($"'{line}' is not a sha256sum line.");
            }

            sums[Path.GetFileName(parts[1].Trim().TrimStart('*'))] = parts[0].ToLowerInvariant();
        }

        return new PinnedChecksums(sums);
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
