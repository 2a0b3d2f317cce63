using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MovieRec.Service;

namespace MovieRec.Api;

/// <summary>The answer to each <see cref="Refusal"/>: 404 with a message a client can act on (docs/api.md).</summary>
internal static class Refused
{
    public static JsonHttpResult<ErrorAnswer> For(Refusal refusal, string chatId, int movieId = 0) => ApiErrors.Of(
        StatusCodes.Status404NotFound,
        refusal switch
        {
            Refusal.UnknownUser => $"Chat id '{chatId}' is not registered; call /register first.",
            Refusal.UnknownMovie => $"Movie {movieId} is not in the MovieLens catalog.",
            Refusal.NothingLeftToRate => $"Chat id '{chatId}' has rated every movie; none is left to rate.",
            Refusal.NotRated => $"Chat id '{chatId}' has neither rated nor skipped movie {movieId}.",
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
        });
}
