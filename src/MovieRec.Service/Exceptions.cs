namespace MovieRec.Service;

/// <summary>The chat id has not been registered.</summary>
public sealed class UnknownUserException(string chatId) : Exception($"Chat id '{chatId}' is not registered; call /register first.");

/// <summary>The movie id is not in the catalog.</summary>
public sealed class UnknownMovieException(int movieId) : Exception($"Movie {movieId} is not in the MovieLens catalog.");

/// <summary>The user has rated every movie there is.</summary>
public sealed class NoUnratedMovieException(string chatId) : Exception($"Chat id '{chatId}' has rated every movie; none is left to rate.");
