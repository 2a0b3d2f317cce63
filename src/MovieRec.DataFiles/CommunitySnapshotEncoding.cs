using System.Text;
using MovieRec.Domain;

namespace MovieRec.DataFiles;

/// <summary>
/// A <see cref="CommunitySnapshot"/> as bytes, as the builder publishes it and every instance loads it.
/// </summary>
/// <remarks>
/// Binary layout, little-endian (the encoding of <see cref="MovieLensSnapshot"/>): "MRPOOL",
/// format version; version, built-at, changes-since and full-build-at (UTC ticks); the chat ids;
/// row starts; movie ids; stars; then the SHA-256 of everything before it. Movie ids, not matrix
/// indices, so a snapshot does not depend on the instance's MovieLens build.
/// </remarks>
public static class CommunitySnapshotEncoding
{
    private const string Magic = "MRPOOL";
    private const int FormatVersion = 1;

    public static byte[] ToBytes(CommunitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var members = snapshot.Ratings.Members.ToList();
        var rowStart = new int[members.Count + 1];
        for (var u = 0; u < members.Count; u++)
        {
            rowStart[u + 1] = rowStart[u] + members[u].MovieIds.Length;
        }

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            writer.Write(snapshot.Version);
            writer.Write(snapshot.BuiltAt.UtcTicks);
            writer.Write(snapshot.ChangesSince.UtcTicks);
            writer.Write(snapshot.FullBuildAt.UtcTicks);
            writer.Write(members.Count);
            foreach (var member in members)
            {
                writer.Write(member.ChatId);
            }

            SnapshotEncoding.WriteArray(writer, rowStart);
            SnapshotEncoding.WriteArray(writer, members.SelectMany(m => m.MovieIds).ToArray());
            SnapshotEncoding.WriteArray(writer, members.SelectMany(m => m.Stars).ToArray());
        }

        return SnapshotEncoding.Seal(payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    /// <summary>The snapshot in <paramref name="bytes"/>; throws <see cref="InvalidDataException"/> when they are damaged or of another format.</summary>
    public static CommunitySnapshot FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var payloadLength = SnapshotEncoding.PayloadLength(bytes);
        if (payloadLength < 0)
        {
            throw new InvalidDataException("The community snapshot's checksum does not hold.");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, payloadLength), Encoding.UTF8);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("This is not a community snapshot of a format this build reads.");
        }

        var version = reader.ReadInt64();
        var builtAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var changesSince = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var fullBuildAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var chatIds = new string[reader.ReadInt32()];
        for (var u = 0; u < chatIds.Length; u++)
        {
            chatIds[u] = reader.ReadString();
        }

        var rowStart = SnapshotEncoding.ReadArray<int>(reader);
        var movieIds = SnapshotEncoding.ReadArray<int>(reader);
        var stars = SnapshotEncoding.ReadArray<float>(reader);
        if (rowStart.Length != chatIds.Length + 1 || rowStart[^1] != movieIds.Length || movieIds.Length != stars.Length)
        {
            throw new InvalidDataException("The community snapshot's rows do not fit together.");
        }

        var members = chatIds.Select((chatId, u) => new CommunityMember(
            chatId,
            movieIds[rowStart[u]..rowStart[u + 1]],
            stars[rowStart[u]..rowStart[u + 1]]));
        return new CommunitySnapshot(version, builtAt, changesSince, fullBuildAt, CommunityRatings.Of(members));
    }
}
