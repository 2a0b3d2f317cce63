using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MovieRec.DataFiles;

/// <summary>
/// What the binary snapshots share: arrays written as a length and their raw little-endian
/// bytes, and a SHA-256 of the payload appended so that a damaged file is refused, not half read.
/// </summary>
internal static class SnapshotEncoding
{
    private const int HashBytes = 32;

    public static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("The snapshot ends early.");
        }

        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new InvalidDataException("The snapshot ends early.");
        }

        return values;
    }

    /// <summary>The payload followed by its SHA-256.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> payload)
    {
        var sealedBytes = new byte[payload.Length + HashBytes];
        payload.CopyTo(sealedBytes);
        SHA256.HashData(payload, sealedBytes.AsSpan(payload.Length));
        return sealedBytes;
    }

    /// <summary>The payload's length when the trailing checksum holds; -1 when the bytes are damaged.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < HashBytes)
        {
            return -1;
        }

        var payload = sealedBytes[..^HashBytes];
        Span<byte> hash = stackalloc byte[HashBytes];
        SHA256.HashData(payload, hash);
        return hash.SequenceEqual(sealedBytes[^HashBytes..]) ? payload.Length : -1;
    }
}
