using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MovieRec.Api;

/// <summary>The error answer of docs/api.md: a status and {"error": "…"}.</summary>
public static class ApiErrors
{
    public static JsonHttpResult<ErrorAnswer> Of(int status, string message) =>
        TypedResults.Json(new ErrorAnswer(message), statusCode: status);

    public static JsonHttpResult<ErrorAnswer> Of(RequestRefusal refusal) => Of(refusal.Status, refusal.Message);
}
