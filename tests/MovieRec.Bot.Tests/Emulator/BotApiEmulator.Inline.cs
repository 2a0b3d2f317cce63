using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>
/// Inline mode and deep links as Telegram has them. Inline queries reach a bot only once BotFather's
/// /setinline is on (<see cref="InlineMode"/>, also what getMe's supports_inline_queries says); each
/// is answered once with answerInlineQuery: at most 50 results, ids unique and 1–64 bytes, an
/// article with a title and a message of 1–4096 characters, an inline keyboard only (no Mini App
/// buttons), a non-negative cache_time, a boolean is_personal, a next_offset of at most 64 bytes, and
/// a button above the results with a text and exactly one of a Mini App or a start parameter of
/// 1–64 characters of A-Z, a-z, 0-9, _ and -.
/// </summary>
public sealed partial class BotApiEmulator
{
    public const int MaxInlineResults = 50;
    public const int MaxInlineQueryLength = 256;

    private readonly Dictionary<string, PendingInlineQuery> _inlineQueries = [];
    private readonly List<InlineAnswer> _inlineAnswers = [];
    private int _nextInlineQueryId = 1;

    /// <summary>BotFather's /setinline: whether Telegram sends the bot inline queries.</summary>
    public bool InlineMode { get; set; }

    public IReadOnlyList<InlineAnswer> InlineAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _inlineAnswers];
            }
        }
    }

    /// <summary>A user types "@bot {query}" in a chat of the given type ("sender" is their private chat with the bot): an inline_query update.</summary>
    public string UserQueriesInline(long userId, string query, string chatType = "sender")
    {
        if (!InlineMode)
        {
            throw new InvalidOperationException("Telegram sends inline queries only to a bot whose inline mode is on (BotFather /setinline).");
        }

        if (query.Length > MaxInlineQueryLength)
        {
            throw new InvalidOperationException("Telegram clients send at most 256 characters of an inline query.");
        }

        lock (_gate)
        {
            var id = (_nextInlineQueryId++).ToString("D19", CultureInfo.InvariantCulture);
            _inlineQueries[id] = new PendingInlineQuery(userId, query);
            return Update("inline_query", new JsonObject
            {
                ["id"] = id,
                ["from"] = UserJson(userId),
                ["query"] = query,
                ["offset"] = "",
                ["chat_type"] = chatType,
            });
        }
    }

    /// <summary>
    /// A user presses a button that switches to inline mode (switch_inline_query), picks a chat of the
    /// given type, and Telegram sends the query the button holds.
    /// </summary>
    public string UserPressesSwitchInline(long chatId, long userId, int messageId, string label, string chosenChatType)
    {
        string query;
        lock (_gate)
        {
            var message = Chat(chatId).Messages.Single(m => m.MessageId == messageId && m.FromBot);
            var button = message.ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray()).SingleOrDefault(b => (string?)b!["text"] == label)
                ?? throw new InvalidOperationException($"Message {messageId} has no button '{label}'.");
            query = (string?)button!["switch_inline_query"] ?? throw new InvalidOperationException($"'{label}' does not switch to inline mode.");
        }

        return UserQueriesInline(userId, query, chosenChatType);
    }

    /// <summary>The user picks one of the answered results: it is sent to the chat as their message "via @bot" (the bot sees it where it is a member).</summary>
    public string UserSendsInlineResult(long chatId, long userId, string queryId, string resultId)
    {
        lock (_gate)
        {
            var answer = _inlineAnswers.Single(a => a.QueryId == queryId);
            var result = answer.Results.Single(r => (string?)r["id"] == resultId);
            var chat = Chat(chatId);
            var message = new EmulatedMessage(chat.Id, chat.NextMessageId++, FromBot: false, Now())
            {
                SentBy = userId, ViaBot = true, Text = (string?)result["input_message_content"]!["message_text"],
            };
            chat.Messages.Add(message);
            Say(chat.Id, $"{NameOf(userId)} (via @{BotUsername}): {Indented(message.Text!)}");
            var json = MessageJson(chat, message, UserJson(userId));
            return Update("message", json);
        }
    }

    /// <summary>
    /// A user opens a link to the bot (https://t.me/{bot}?start={payload}): Telegram opens the private
    /// chat and, on Start, sends "/start {payload}". Anything else opens no chat with this bot.
    /// </summary>
    public string UserOpensLink(long userId, string url)
    {
        var link = DeepLink().Match(url);
        if (!link.Success || !string.Equals(link.Groups["bot"].Value, BotUsername, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{url} is not a link that starts a chat with @{BotUsername}.");
        }

        return UserSends(userId, $"/start {link.Groups["payload"].Value}");
    }

    private JsonNode AnswerInlineQuery(BotApiParameters parameters)
    {
        var id = parameters.Text("inline_query_id") ?? throw new BotApiErrorException(400, "Bad Request: parameter \"inline_query_id\" is required");
        if (!_inlineQueries.TryGetValue(id, out var pending) || pending.Answered)
        {
            throw new BotApiErrorException(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }

        if (parameters.Json("results") is not { ValueKind: JsonValueKind.Array } results)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query results JSON object");
        }

        if (results.GetArrayLength() > MaxInlineResults)
        {
            throw new BotApiErrorException(400, "Bad Request: RESULTS_TOO_MUCH");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results.EnumerateArray())
        {
            ValidResult(result, ids);
        }

        var cacheTime = parameters.Has("cache_time") ? parameters.Number("cache_time") ?? -1 : 300;
        if (cacheTime < 0)
        {
            throw new BotApiErrorException(400, "Bad Request: cache_time must be a non-negative integer");
        }

        // A JSON true or false, or "true"/"false" as a form sends it; anything else is no Boolean.
        if (parameters.Text("is_personal") is { } personal && personal is not ("true" or "false"))
        {
            throw new BotApiErrorException(400, "Bad Request: is_personal must be a Boolean");
        }

        if (parameters.Text("next_offset") is { } offset && Encoding.UTF8.GetByteCount(offset) > 64)
        {
            throw new BotApiErrorException(400, "Bad Request: NEXT_OFFSET_INVALID");
        }

        var button = parameters.Json("button") is { } resultsButton ? ValidResultsButton(resultsButton) : null;
        _inlineQueries[id] = pending with { Answered = true };
        _inlineAnswers.Add(new InlineAnswer(
            id, pending.UserId, pending.Query, [.. results.EnumerateArray().Select(r => JsonNode.Parse(r.GetRawText())!.AsObject())], (int)cacheTime, parameters.Boolean("is_personal"), button));
        return true;
    }

    /// <summary>One result, as strictly as the bot's own kind (articles) needs: others are refused here rather than half-checked.</summary>
    private void ValidResult(JsonElement result, HashSet<string> ids)
    {
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !result.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query result");
        }

        var id = idElement.GetString()!;
        if (Encoding.UTF8.GetByteCount(id) is < 1 or > 64)
        {
            throw new BotApiErrorException(400, "Bad Request: RESULT_ID_INVALID");
        }

        if (!ids.Add(id))
        {
            throw new BotApiErrorException(400, "Bad Request: RESULT_ID_DUPLICATE");
        }

        if (type.GetString() != "article")
        {
            throw new BotApiErrorException(400, "Bad Request: RESULT_TYPE_INVALID");
        }

        if (!result.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || title.GetString()!.Length == 0)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query result: Field \"title\" must be a non-empty String");
        }

        if (!result.TryGetProperty("input_message_content", out var content) || content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("message_text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query result: Field \"input_message_content\" must be of type Object with a message_text");
        }

        switch (text.GetString()!.Length)
        {
            case 0:
                throw new BotApiErrorException(400, "Bad Request: MESSAGE_EMPTY");
            case > MaxTextLength:
                throw new BotApiErrorException(400, "Bad Request: MESSAGE_TOO_LONG");
        }

        ValidParseMode(content.TryGetProperty("parse_mode", out var mode) ? mode.GetString() : null);
        if (result.TryGetProperty("reply_markup", out var markup))
        {
            if (markup.ValueKind != JsonValueKind.Object || !markup.TryGetProperty("inline_keyboard", out _))
            {
                throw new BotApiErrorException(400, "Bad Request: REPLY_MARKUP_INVALID");
            }

            ValidMarkup(markup, chat: null);
        }
    }

    private static JsonObject ValidResultsButton(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object || !button.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length == 0)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query results button: Field \"text\" must be a non-empty String");
        }

        var hasStart = button.TryGetProperty("start_parameter", out var start);
        if (hasStart == button.TryGetProperty("web_app", out _))
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline query results button: exactly one of web_app and start_parameter must be used");
        }

        if (hasStart && (start.ValueKind != JsonValueKind.String || !StartParameter().IsMatch(start.GetString()!)))
        {
            throw new BotApiErrorException(400, "Bad Request: START_PARAM_INVALID");
        }

        return JsonNode.Parse(button.GetRawText())!.AsObject();
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex StartParameter();

    [GeneratedRegex(@"\Ahttps://t\.me/(?<bot>[A-Za-z0-9_]{5,32})\?start=(?<payload>[A-Za-z0-9_-]{1,64})\z")]
    private static partial Regex DeepLink();

    private sealed record PendingInlineQuery(long UserId, string Query)
    {
        public bool Answered { get; init; }
    }
}

/// <summary>An answered inline query: the results as sent, how long Telegram may cache them and for whom, the button above them.</summary>
public sealed record InlineAnswer(string QueryId, long UserId, string Query, IReadOnlyList<JsonObject> Results, int CacheTime, bool IsPersonal, JsonObject? Button);
