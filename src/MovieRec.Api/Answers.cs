using System.Text.Json.Serialization;

namespace MovieRec.Api;

// The answers' JSON, as docs/api.md gives it. Field names are never renamed: clients rely on them.

public sealed record ErrorAnswer([property: JsonPropertyName("error")] string Error);

public sealed record RegisterAnswer([property: JsonPropertyName("exists")] int Exists);

public sealed record MovieAnswer(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url);

public sealed record RateAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("rated_movies")] int RatedMovies);

public sealed record SkipAnswer([property: JsonPropertyName("status")] string Status);

public sealed record ForgetAnswer([property: JsonPropertyName("status")] string Status);

public sealed record RecommendAnswer([property: JsonPropertyName("movies")] IReadOnlyList<RecommendedMovieAnswer> Movies);

public sealed record RecommendedMovieAnswer(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("genres")] IReadOnlyList<string> Genres);

public sealed record RecommendGroupAnswer([property: JsonPropertyName("movies")] IReadOnlyList<GroupFilmAnswer> Movies);

public sealed record GroupFilmAnswer(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("genres")] IReadOnlyList<string> Genres,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("members")] IReadOnlyList<MemberScoreAnswer> Members,
    [property: JsonPropertyName("reason")] string Reason);

public sealed record MemberScoreAnswer(
    [property: JsonPropertyName("chat_id")] string ChatId,
    [property: JsonPropertyName("score")] double Score);

public sealed record SearchAnswer([property: JsonPropertyName("movies")] IReadOnlyList<FoundMovieAnswer> Movies);

public sealed record FoundMovieAnswer(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("genres")] IReadOnlyList<string> Genres,
    [property: JsonPropertyName("your_rating"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? YourRating,
    [property: JsonPropertyName("skipped"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Skipped);

public sealed record MyRatingsAnswer(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("ratings")] IReadOnlyList<GivenRatingAnswer> Ratings);

public sealed record GivenRatingAnswer(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("rating")] double Rating,
    [property: JsonPropertyName("rated_at")] DateTimeOffset RatedAt);

public sealed record HealthAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("movies")] int Movies,
    [property: JsonPropertyName("users")] int Users,
    [property: JsonPropertyName("ratings")] int Ratings,
    [property: JsonPropertyName("app_users")] int AppUsers,
    [property: JsonPropertyName("model_version")] long ModelVersion,
    [property: JsonPropertyName("model_built_at")] DateTimeOffset ModelBuiltAt,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("load_ms")] long LoadMilliseconds);

/// <summary>The webhook's answer to Telegram, which reads only the status code; "handled" or "duplicate" helps whoever reads logs.</summary>
public sealed record WebhookAnswer([property: JsonPropertyName("status")] string Status);

public sealed record MiniAppMeAnswer(
    [property: JsonPropertyName("rated_movies")] int RatedMovies,
    [property: JsonPropertyName("genres")] IReadOnlyList<string> Genres);

/// <summary>The Mini App's words in the signed person's language (MiniAppTexts*.resx), and the label it shows for each genre name.</summary>
public sealed record MiniAppTextsAnswer(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("texts")] IReadOnlyDictionary<string, string> Texts,
    [property: JsonPropertyName("genres")] IReadOnlyDictionary<string, string> Genres);
