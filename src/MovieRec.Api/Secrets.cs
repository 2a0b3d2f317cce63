using System.Security.Cryptography;
using System.Text;

namespace MovieRec.Api;

/// <summary>
/// Secrets compared as SHA-256 digests with <see cref="CryptographicOperations.FixedTimeEquals"/>:
/// the digests are always 32 bytes, so the time taken says nothing of the secret's length either.
/// </summary>
internal static class Secrets
{
    public static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Match(string expected, string given) => CryptographicOperations.FixedTimeEquals(Digest(expected), Digest(given));
}
