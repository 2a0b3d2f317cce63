using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace MovieRec.Domain;

/// <summary>
/// A MovieLens folder's catalog and rating matrix in one compact binary file
/// (<see cref="FileName"/>, beside the CSVs), so an instance starts without parsing CSV.
/// <c>movierec data fetch</c> writes it and reads it back against the CSVs; the app uses it only
/// while its checksum holds and the CSVs it was made from are unchanged, and reads the CSVs otherwise.
/// </summary>
/// <remarks>
/// Layout, little-endian: "MRSNAP", version; for each CSV its length; the
/// movies (id, IMDb id or -1, title, genres); user ids; movie ids; row starts; row movies; row
/// stars; then the SHA-256 of everything before it.
/// </remarks>
public static class MovieLensSnapshot
{
    public const string FileName = "movielens.snapshot";

    private const string Magic = "MRSNAP";
    private const int Version = 1;
    private const int HashBytes = 32;

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>
    /// Writes the snapshot of a folder's CSVs and reads it back: it must give the same catalog and
    /// matrix the CSVs give, or it is deleted and this throws.
    /// </summary>
    public static void Refresh(string folder)
    {
        var fromCsv = MovieLensReader.ReadFolder(folder);
        Write(folder, fromCsv);
        var fromSnapshot = TryRead(folder);
        if (fromSnapshot is null || !SameData(fromCsv, fromSnapshot))
        {
            File.Delete(PathIn(folder));
            throw new InvalidDataException($"The snapshot written in {folder} does not read back as its CSVs; it was removed.");
        }
    }

    private static bool SameData(MovieLensDataset a, MovieLensDataset b) =>
        a.Catalog.Movies.SequenceEqual(b.Catalog.Movies)
        && a.Ratings.UserCount == b.Ratings.UserCount
        && a.Ratings.MovieCount == b.Ratings.MovieCount
        && Enumerable.Range(0, a.Ratings.UserCount).All(u => a.Ratings.UserId(u) == b.Ratings.UserId(u))
        && Enumerable.Range(0, a.Ratings.MovieCount).All(m => a.Ratings.MovieId(m) == b.Ratings.MovieId(m))
        && a.Ratings.RowStart.AsSpan().SequenceEqual(b.Ratings.RowStart)
        && a.Ratings.RowMovie.AsSpan().SequenceEqual(b.Ratings.RowMovie)
        && a.Ratings.RowStars.AsSpan().SequenceEqual(b.Ratings.RowStars);

    public static void Write(string folder, MovieLensDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(Version);
            foreach (var file in MovieLensDataset.RequiredFiles)
            {
                writer.Write(new FileInfo(Path.Combine(folder, file)).Length);
            }

            writer.Write(dataset.Catalog.Count);
            foreach (var movie in dataset.Catalog.Movies)
            {
                writer.Write(movie.Id);
                writer.Write(movie.ImdbId ?? -1);
                writer.Write(movie.Title);
                writer.Write(movie.Genres);
            }

            var matrix = dataset.Ratings;
            WriteArray(writer, Enumerable.Range(0, matrix.UserCount).Select(matrix.UserId).ToArray());
            WriteArray(writer, Enumerable.Range(0, matrix.MovieCount).Select(matrix.MovieId).ToArray());
            WriteArray(writer, matrix.RowStart);
            WriteArray(writer, matrix.RowMovie);
            WriteArray(writer, matrix.RowStars);
        }

        var bytes = payload.ToArray();
        var path = PathIn(folder);
        var staging = path + ".partial";
        using (var file = File.Create(staging))
        {
            file.Write(bytes);
            file.Write(SHA256.HashData(bytes));
        }

        File.Move(staging, path, overwrite: true);
    }

    /// <summary>The snapshot's dataset; null when there is none, it is damaged, or its CSVs changed since.</summary>
    public static MovieLensDataset? TryRead(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HashBytes
            || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - HashBytes)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - HashBytes)))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - HashBytes), Encoding.UTF8);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != Version)
        {
            return null;
        }

        foreach (var file in MovieLensDataset.RequiredFiles)
        {
            // Lengths, not times: copies into build output and deployment packages keep sizes, not times.
            var info = new FileInfo(Path.Combine(folder, file));
            var length = reader.ReadInt64();
            if (info.Exists && info.Length != length)
            {
                return null;
            }
        }

        var movies = new Movie[reader.ReadInt32()];
        for (var m = 0; m < movies.Length; m++)
        {
            var id = reader.ReadInt32();
            var imdb = reader.ReadInt32();
            movies[m] = new Movie(id, reader.ReadString(), reader.ReadString(), imdb < 0 ? null : imdb);
        }

        var userIds = ReadArray<int>(reader);
        var movieIds = ReadArray<int>(reader);
        var rowStart = ReadArray<int>(reader);
        var rowMovie = ReadArray<int>(reader);
        var rowStars = ReadArray<float>(reader);
        return new MovieLensDataset(new MovieCatalog(movies), RatingMatrix.FromRows(userIds, movieIds, rowStart, rowMovie, rowStars));
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new InvalidDataException("The snapshot ends early.");
        }

        return values;
    }
}
