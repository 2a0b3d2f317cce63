using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MovieRec.DataFetch;

namespace MovieRec.DataFetch.Tests;

/// <summary>
/// A few lines shaped like a MovieLens release, zipped as GroupLens zips them (the files in a folder
/// named for the release), written by the test into its own folder. The pins are the SHA-256 of the
/// bytes written, computed here, so the fetcher's tests need nothing beside the repository.
/// </summary>
internal sealed class MovieLensZipFixture
{
    private readonly IReadOnlyDictionary<string, string> _files;

    private MovieLensZipFixture(string release, IReadOnlyDictionary<string, string> files, string zipPath)
    {
        Release = release;
        _files = files;
        ZipPath = zipPath;
    }

    public string Release { get; }

    public string ZipPath { get; }

    /// <summary>What the fixture wrote as <paramref name="fileName"/>.</summary>
    public string ContentOf(string fileName) => _files[fileName];

    /// <summary>The checksums a fetcher pins for this fixture, as data/SHA256SUMS pins the real release.</summary>
    public PinnedChecksums Pins => new(Release, _files.ToDictionary(file => file.Key, file => Sha256Of(file.Value)));

    /// <summary>ml-latest-small's three CSVs, three movies, four ratings.</summary>
    public static MovieLensZipFixture LatestSmall(string folder) => Write(
        PinnedChecksums.LatestSmall,
        new Dictionary<string, string>
        {
            ["movies.csv"] = "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n2,Jumanji (1995),Adventure|Children|Fantasy\n3,Grumpier Old Men (1995),Comedy|Romance\n",
            ["links.csv"] = "movieId,imdbId,tmdbId\n1,0114709,862\n2,0113497,8844\n3,0113228,15602\n",
            ["ratings.csv"] = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,2,3.5,1445714835\n2,3,2.0,1445714926\n",
        },
        Path.Combine(folder, "fixture-ml-latest-small.zip"));

    /// <summary>ml-100k's u.data and u.item, and its five folds (each fold's test set one line of u.data, its base the rest).</summary>
    public static MovieLensZipFixture Hundred(string folder)
    {
        string[] ratings = ["196\t242\t3\t881250949", "186\t302\t3\t891717742", "22\t377\t1\t878887116", "244\t51\t2\t880606923", "166\t346\t1\t886397596"];
        var files = new Dictionary<string, string>
        {
            ["u.data"] = string.Join("", ratings.Select(line => line + "\n")),
            ["u.item"] = "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n",
        };
        for (var fold = 1; fold <= ratings.Length; fold++)
        {
            files[$"u{fold}.test"] = ratings[fold - 1] + "\n";
            files[$"u{fold}.base"] = string.Join("", ratings.Where((_, i) => i != fold - 1).Select(line => line + "\n"));
        }

        return Write(PinnedChecksums.Hundred, files, Path.Combine(folder, "fixture-ml-100k.zip"));
    }

    private static MovieLensZipFixture Write(string release, Dictionary<string, string> files, string zipPath)
    {
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in files)
            {
                WriteEntry(zip, $"{release}/{name}", content);
            }
        }

        return new MovieLensZipFixture(release, files, zipPath);
    }

    /// <summary>A copy of the zip with one file's bytes replaced (or, for null, the file left out).</summary>
    public string CopyWith(string fileName, string? content, string path)
    {
        File.Copy(ZipPath, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entryName = $"{Release}/{fileName}";
        zip.GetEntry(entryName)!.Delete();
        if (content is not null)
        {
            WriteEntry(zip, entryName, content);
        }

        return path;
    }

    private static void WriteEntry(ZipArchive zip, string entryName, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    public static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
