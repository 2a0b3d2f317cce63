using System.Text;
using MovieRec.Domain;

namespace MovieRec.DataFiles;

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
            foreach (var file in MovieLensReader.RequiredFiles)
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
            SnapshotEncoding.WriteArray(writer, Enumerable.Range(0, matrix.UserCount).Select(matrix.UserId).ToArray());
            SnapshotEncoding.WriteArray(writer, Enumerable.Range(0, matrix.MovieCount).Select(matrix.MovieId).ToArray());
            SnapshotEncoding.WriteArray(writer, matrix.RowStart);
            SnapshotEncoding.WriteArray(writer, matrix.RowMovie);
            SnapshotEncoding.WriteArray(writer, matrix.RowStars);
        }

        var path = PathIn(folder);
        var staging = path + ".partial";
        File.WriteAllBytes(staging, SnapshotEncoding.Seal(payload.GetBuffer().AsSpan(0, (int)payload.Length)));

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
        var payloadLength = SnapshotEncoding.PayloadLength(bytes);
        if (payloadLength < 0)
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, payloadLength), Encoding.UTF8);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != Version)
        {
            return null;
        }

        foreach (var file in MovieLensReader.RequiredFiles)
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

        var userIds = SnapshotEncoding.ReadArray<int>(reader);
        var movieIds = SnapshotEncoding.ReadArray<int>(reader);
        var rowStart = SnapshotEncoding.ReadArray<int>(reader);
        var rowMovie = SnapshotEncoding.ReadArray<int>(reader);
        var rowStars = SnapshotEncoding.ReadArray<float>(reader);
        return new MovieLensDataset(new MovieCatalog(movies), RatingMatrix.FromRows(userIds, movieIds, rowStart, rowMovie, rowStars));
    }
}
