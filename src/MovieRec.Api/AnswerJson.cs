using System.Text.Json.Serialization;

namespace MovieRec.Api;

/// <summary>
/// The answers' JSON contracts, generated at build time: no reflection on the first request of an
/// instance (cold start, docs/performance.md).
/// </summary>
[JsonSerializable(typeof(ErrorAnswer))]
[JsonSerializable(typeof(RegisterAnswer))]
[JsonSerializable(typeof(MovieAnswer))]
[JsonSerializable(typeof(RateAnswer))]
[JsonSerializable(typeof(SkipAnswer))]
[JsonSerializable(typeof(ForgetAnswer))]
[JsonSerializable(typeof(SearchAnswer))]
[JsonSerializable(typeof(MyRatingsAnswer))]
[JsonSerializable(typeof(MiniAppMeAnswer))]
[JsonSerializable(typeof(MiniAppTextsAnswer))]
[JsonSerializable(typeof(RecommendAnswer))]
[JsonSerializable(typeof(RecommendGroupAnswer))]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(WebhookAnswer))]
internal sealed partial class AnswerJson : JsonSerializerContext;
