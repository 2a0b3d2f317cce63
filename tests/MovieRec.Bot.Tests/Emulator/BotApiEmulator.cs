using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>
/// A Telegram Bot API emulator: the methods MovieRec uses, answered with Telegram's JSON
/// ({"ok": true, "result"} or {"ok": false, "error_code", "description"}), dates in Unix seconds,
/// and Telegram's refusals of chats the bot is not in, empty or over-long texts, buttons with no
/// action or more than one, callback data over 64 bytes, URL buttons without an http(s)/tg URL,
/// Mini App buttons outside private chats, unknown or re-answered callback queries (and their
/// URLs other than this bot's start links), unmodified edits, and getUpdates while a webhook is
/// set; polls (BotApiEmulator.Polls.cs) and inline mode (BotApiEmulator.Inline.cs) as strictly. It
/// also plays the users, by first name, in private chats and groups (basic, and -100… supergroups):
/// it writes the Update JSON Telegram would deliver, and keeps each chat's transcript as its members
/// would have seen it (<see cref="Transcript"/>).
/// </summary>
public sealed partial class BotApiEmulator
{
    public const string Token = "7700112233:AAHemulatedTokenForTests_0123456789ab";
    public const long BotId = 7700112233;
    public const string BotUsername = "MovieRecTestBot";
    public const int MaxTextLength = 4096;
    public const int MaxCallbackDataBytes = 64;

    /// <summary>Supergroups (and channels) have ids of -100 followed by ten or more digits; basic groups are negative and shorter.</summary>
    public const long SupergroupIdsBelow = -1_000_000_000_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, EmulatedChat> _chats = [];
    private readonly Dictionary<string, PendingPress> _callbackQueries = [];
    private readonly Dictionary<long, string> _firstNames = [];
    private readonly Dictionary<long, string?> _languageCodes = [];
    private readonly List<(long Chat, string Line)> _transcript = [];
    private readonly List<string> _calls = [];
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly List<(string Method, BotApiErrorException Error)> _faults = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private int _nextUpdateId = 500_000;
    private int _nextQueryId = 1;

    public WebhookRegistrationState? Webhook { get; private set; }

    /// <summary>The default command list: the last setMyCommands without a language_code.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands => CommandsFor("");

    /// <summary>Every command list set, by language_code ("" for the default), the last of each as Telegram keeps it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Command, string Description)>> CommandsByLanguage
    {
        get
        {
            lock (_commands)
            {
                return new Dictionary<string, IReadOnlyList<(string Command, string Description)>>(_commands);
            }
        }
    }

    private readonly Dictionary<string, IReadOnlyList<(string Command, string Description)>> _commands = [];

    private IReadOnlyList<(string Command, string Description)> CommandsFor(string languageCode) =>
        CommandsByLanguage.TryGetValue(languageCode, out var commands) ? commands : [];

    /// <summary>Gives a user the first name Telegram shows (everyone is "Ada" until named).</summary>
    public void NameUser(long userId, string firstName)
    {
        lock (_gate)
        {
            _firstNames[userId] = firstName;
        }
    }

    /// <summary>Sets the language_code a user's app reports in their updates ("en" until set; null: none at all).</summary>
    public void SetLanguage(long userId, string? languageCode)
    {
        lock (_gate)
        {
            _languageCodes[userId] = languageCode;
        }
    }

    /// <summary>The chat as its members saw it, in order: what was written, pressed, answered to the presser alone, voted, edited.</summary>
    public string Transcript(long chatId)
    {
        lock (_gate)
        {
            return string.Join('\n', _transcript.Where(t => t.Chat == chatId).Select(t => t.Line));
        }
    }

    /// <summary>Every Bot API method called, in order, with the chat it was for (when it had one).</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _callbackAnswers];
            }
        }
    }

    /// <summary>What the bot has sent to a chat, in order, as the chat shows it now (edits applied).</summary>
    public IReadOnlyList<EmulatedMessage> BotMessages(long chatId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? [.. chat.Messages.Where(m => m.FromBot)] : [];
        }
    }

    /// <summary>The next call of <paramref name="method"/> fails with this error (e.g. 429 with retry_after).</summary>
    public void FailNext(string method, int code, string description, int? retryAfter = null)
    {
        lock (_gate)
        {
            _faults.Add((method, new BotApiErrorException(code, description, retryAfter)));
        }
    }

    // ---- The users' side: Update JSON as Telegram delivers it ----

    /// <summary>A person writes to the bot in their private chat (whose id is their user id).</summary>
    public string UserSends(long chatId, string text) => Incoming(PrivateChatOf(chatId), chatId, message => message["text"] = text, Entities(text));

    /// <summary>A message without text: a sticker.</summary>
    public string UserSendsSticker(long chatId) => Incoming(PrivateChatOf(chatId), chatId, message => message["sticker"] = new JsonObject
    {
        ["file_id"] = "CAACAgIAAxkBAAEBsticker", ["file_unique_id"] = "AgADsticker", ["type"] = "regular",
        ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false,
    }, null);

    /// <summary>A member writes in a group: a negative id (-100… for a supergroup); the bot is a member from then on.</summary>
    public string GroupMemberSends(long groupId, long userId, string text) => Incoming(GroupChatOf(groupId), userId, message => message["text"] = text, Entities(text));

    /// <summary>The user edits one of their messages: an edited_message update.</summary>
    public string UserEdits(long chatId, int messageId, string text)
    {
        lock (_gate)
        {
            var chat = Chat(PrivateChatOf(chatId));
            var message = chat.Messages.Single(m => m.MessageId == messageId && !m.FromBot);
            message.Text = text;
            var json = MessageJson(chat, message, UserJson(chatId));
            json["edit_date"] = Now();
            return Update("edited_message", json);
        }
    }

    /// <summary>The user presses the button labelled <paramref name="label"/> under a bot message in their private chat: a callback_query update.</summary>
    public string UserPresses(long chatId, int messageId, string label) => MemberPresses(PrivateChatOf(chatId), chatId, messageId, label);

    /// <summary>Someone in the chat (in a group, any member) presses a button under a bot message.</summary>
    public string MemberPresses(long chatId, long userId, int messageId, string label)
    {
        lock (_gate)
        {
            var chat = Chat(chatId);
            var message = chat.Messages.Single(m => m.MessageId == messageId && m.FromBot);
            var button = message.ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
                .SingleOrDefault(b => (string?)b!["text"] == label)
                ?? throw new InvalidOperationException($"Message {messageId} has no button '{label}' (any more).");
            var data = (string?)button!["callback_data"] ?? throw new InvalidOperationException($"'{label}' is not a callback button: Telegram sends no update for it.");
            return CallbackQuery(userId, chat, message, data);
        }
    }

    /// <summary>
    /// A modified client's press: any callback data under any bot message (Telegram does not sign
    /// callback data), as an attacker or a very old client sends it.
    /// </summary>
    public string UserSendsCallbackData(long chatId, int messageId, string data) => MemberSendsCallbackData(PrivateChatOf(chatId), chatId, messageId, data);

    /// <summary>A modified client's press in any chat the bot wrote in, by any user.</summary>
    public string MemberSendsCallbackData(long chatId, long userId, int messageId, string data)
    {
        lock (_gate)
        {
            var chat = Chat(chatId);
            return CallbackQuery(userId, chat, chat.Messages.Single(m => m.MessageId == messageId && m.FromBot), data);
        }
    }

    private string CallbackQuery(long userId, EmulatedChat chat, EmulatedMessage message, string? data)
    {
        var queryId = (_nextQueryId++).ToString("D19", CultureInfo.InvariantCulture);
        _callbackQueries[queryId] = new PendingPress(userId, chat.Id);
        var label = message.Buttons.FirstOrDefault(b => b.Data == data).Label ?? data;
        Say(chat.Id, $"{NameOf(userId)} presses [{label}] under #{message.MessageId}");
        return Update("callback_query", new JsonObject
        {
            ["id"] = queryId,
            ["from"] = UserJson(userId),
            ["message"] = MessageJson(chat, message, BotUser()),
            ["chat_instance"] = (-chat.Id * 7).ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
        });
    }

    /// <summary>
    /// A message with callback buttons the bot sent before this test began (an earlier version of
    /// the bot, say): lets a test press old buttons in a chat where the bot would not send them now.
    /// </summary>
    public int BotSentEarlier(long chatId, string text, IReadOnlyList<(string Label, string Data)> buttons)
    {
        lock (_gate)
        {
            var chat = Chat(chatId);
            var keyboard = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonArray(new JsonObject { ["text"] = b.Label, ["callback_data"] = b.Data }))]);
            var message = new EmulatedMessage(chat.Id, chat.NextMessageId++, FromBot: true, Now())
            {
                Text = text,
                ReplyMarkup = new JsonObject { ["inline_keyboard"] = keyboard },
            };
            chat.Messages.Add(message);
            return message.MessageId;
        }
    }

    /// <summary>Queues an update for getUpdates (long polling).</summary>
    public void Enqueue(string updateJson)
    {
        lock (_gate)
        {
            _pendingUpdates.Add(JsonNode.Parse(updateJson)!.AsObject());
        }

        _updateArrived.Release();
    }

    // ---- The bot's side: Bot API methods ----

    /// <summary>Answers one Bot API call: the HTTP status and the JSON body Telegram would send.</summary>
    public async Task<(int Status, string Json)> HandleAsync(string token, string method, BotApiParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            if (token != Token)
            {
                throw new BotApiErrorException(401, "Unauthorized");
            }

            var (result, description) = string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase)
                ? (await GetUpdatesAsync(parameters, cancellationToken), null)
                : Call(method, parameters);
            var answer = new JsonObject { ["ok"] = true, ["result"] = result };
            if (description is not null)
            {
                answer["description"] = description;
            }

            return (200, answer.ToJsonString());
        }
        catch (BotApiErrorException e)
        {
            var answer = new JsonObject { ["ok"] = false, ["error_code"] = e.Code, ["description"] = e.Message };
            if (e.RetryAfter is { } wait)
            {
                answer["parameters"] = new JsonObject { ["retry_after"] = wait };
            }

            return (e.Code, answer.ToJsonString());
        }
    }

    private (JsonNode? Result, string? Description) Call(string method, BotApiParameters parameters)
    {
        lock (_gate)
        {
            var chatId = parameters.Number("chat_id");
            _calls.Add(chatId is null ? method : $"{method} {chatId}");
            var fault = _faults.FindIndex(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase));
            if (fault >= 0)
            {
                var error = _faults[fault].Error;
                _faults.RemoveAt(fault);
                throw error;
            }

            return method.ToLowerInvariant() switch
            {
                "getme" => (BotUser(), null),
                "sendmessage" => (SendMessage(parameters), null),
                "sendpoll" => (SendPoll(parameters), null),
                "stoppoll" => (StopPoll(parameters), null),
                "answerinlinequery" => (AnswerInlineQuery(parameters), null),
                "answercallbackquery" => (AnswerCallbackQuery(parameters), null),
                "editmessagetext" => (EditMessage(parameters, editText: true), null),
                "editmessagereplymarkup" => (EditMessage(parameters, editText: false), null),
                "setwebhook" => SetWebhook(parameters),
                "deletewebhook" => DeleteWebhook(),
                "getwebhookinfo" => (WebhookInfo(), null),
                "setmycommands" => (SetMyCommands(parameters), null),
                "setchatmenubutton" => (SetChatMenuButton(parameters), null),
                _ => throw new BotApiErrorException(404, "Not Found"),
            };
        }
    }

    private JsonObject SendMessage(BotApiParameters parameters)
    {
        var chat = ExistingChat(parameters);
        var text = ValidText(parameters.Text("text"));
        ValidParseMode(parameters.Text("parse_mode"));
        var markup = ValidMarkup(parameters.Json("reply_markup"), chat);
        var message = new EmulatedMessage(chat.Id, chat.NextMessageId++, FromBot: true, Now())
        {
            Text = text, ReplyMarkup = markup, ReplyTo = RepliedTo(parameters, chat),
        };
        chat.Messages.Add(message);
        Say(chat.Id, $"{BotName} #{message.MessageId}{ReplyNote(message)}: {Indented(text)}{ButtonsLine(markup)}");
        return MessageJson(chat, message, BotUser());
    }

    /// <summary>reply_parameters (or the older reply_to_message_id): the message must be in the chat, as Telegram requires by default.</summary>
    private static int? RepliedTo(BotApiParameters parameters, EmulatedChat chat)
    {
        var id = parameters.Json("reply_parameters") is { ValueKind: JsonValueKind.Object } reply && reply.TryGetProperty("message_id", out var messageId) && messageId.TryGetInt32(out var replied)
            ? replied
            : (int?)parameters.Number("reply_to_message_id");
        if (id is { } wanted && !chat.Messages.Any(m => m.MessageId == wanted))
        {
            throw new BotApiErrorException(400, "Bad Request: message to be replied not found");
        }

        return id;
    }

    private JsonNode AnswerCallbackQuery(BotApiParameters parameters)
    {
        var id = parameters.Text("callback_query_id") ?? throw new BotApiErrorException(400, "Bad Request: parameter \"callback_query_id\" is required");
        if (!_callbackQueries.TryGetValue(id, out var answered) || answered.Answered)
        {
            throw new BotApiErrorException(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        }

        var text = parameters.Text("text");
        if (text is { Length: > 200 })
        {
            throw new BotApiErrorException(400, "Bad Request: MESSAGE_TOO_LONG");
        }

        // Without a game, Telegram opens only links that start a chat with this bot (t.me/<bot>?start=…).
        var url = parameters.Text("url");
        if (url is not null && !url.StartsWith($"https://t.me/{BotUsername}?start=", StringComparison.OrdinalIgnoreCase))
        {
            throw new BotApiErrorException(400, "Bad Request: URL_INVALID");
        }

        _callbackQueries[id] = answered with { Answered = true };
        _callbackAnswers.Add(new CallbackAnswer(id, text, parameters.Boolean("show_alert")) { Url = url, UserId = answered.UserId });
        if (text is not null || url is not null)
        {
            Say(answered.ChatId, $"  (only {NameOf(answered.UserId)} sees: {text}{(url is null ? "" : $" — opens {url}")})");
        }

        return true;
    }

    private JsonObject EditMessage(BotApiParameters parameters, bool editText)
    {
        var chat = ExistingChat(parameters);
        var messageId = parameters.Number("message_id") ?? throw new BotApiErrorException(400, "Bad Request: message identifier is not specified");
        var message = chat.Messages.SingleOrDefault(m => m.MessageId == messageId)
            ?? throw new BotApiErrorException(400, "Bad Request: message to edit not found");
        if (!message.FromBot)
        {
            throw new BotApiErrorException(400, "Bad Request: message can't be edited");
        }

        if (editText && message.Poll is not null)
        {
            throw new BotApiErrorException(400, "Bad Request: there is no text in the message to edit");
        }

        var text = editText ? ValidText(parameters.Text("text")) : message.Text;
        var markup = ValidMarkup(parameters.Json("reply_markup"), chat);
        if (text == message.Text && JsonNode.DeepEquals(markup, message.ReplyMarkup))
        {
            throw new BotApiErrorException(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }

        message.Text = text;
        message.ReplyMarkup = markup;
        Say(chat.Id, editText ? $"{BotName} edits #{message.MessageId}: {Indented(text!)}{ButtonsLine(markup)}" : $"{BotName} changes the buttons of #{message.MessageId}:{ButtonsLine(markup) ?? " none"}");
        var json = MessageJson(chat, message, BotUser());
        json["edit_date"] = Now();
        return json;
    }

    private (JsonNode, string) SetWebhook(BotApiParameters parameters)
    {
        var url = parameters.Text("url") ?? throw new BotApiErrorException(400, "Bad Request: parameter \"url\" is required");
        if (url.Length == 0)
        {
            return DeleteWebhook();
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new BotApiErrorException(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        var secret = parameters.Text("secret_token");
        if (secret is not null && !SecretPattern().IsMatch(secret))
        {
            throw new BotApiErrorException(400, "Bad Request: secret token contains unallowed characters");
        }

        var allowed = parameters.Json("allowed_updates")?.EnumerateArray().Select(e => e.GetString()!).ToList() ?? [];
        var unknown = allowed.Except(KnownUpdateTypes).ToList();
        if (unknown.Count > 0)
        {
            throw new BotApiErrorException(400, $"Bad Request: unknown update type {unknown[0]}");
        }

        Webhook = new WebhookRegistrationState(url, secret, allowed);
        return (true, "Webhook was set");
    }

    private (JsonNode, string) DeleteWebhook()
    {
        var had = Webhook is not null;
        Webhook = null;
        return (true, had ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private JsonObject WebhookInfo() => new()
    {
        ["url"] = Webhook?.Url ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = _pendingUpdates.Count,
    };

    /// <summary>The default menu button, as the last setChatMenuButton without a chat id left it.</summary>
    public JsonNode? MenuButton { get; private set; }

    private JsonNode SetChatMenuButton(BotApiParameters parameters)
    {
        var button = parameters.Json("menu_button") ?? throw new BotApiErrorException(400, "Bad Request: parameter \"menu_button\" is required");
        if (button.TryGetProperty("type", out var type) && type.GetString() == "web_app"
            && (!button.TryGetProperty("web_app", out var webApp) || webApp.GetProperty("url").GetString()?.StartsWith("https://", StringComparison.Ordinal) != true))
        {
            throw new BotApiErrorException(400, "Bad Request: BUTTON_URL_INVALID");
        }

        MenuButton = JsonNode.Parse(button.GetRawText());
        return true;
    }

    private JsonNode SetMyCommands(BotApiParameters parameters)
    {
        var commands = parameters.Json("commands") ?? throw new BotApiErrorException(400, "Bad Request: parameter \"commands\" is required");
        var list = new List<(string, string)>();
        foreach (var command in commands.EnumerateArray())
        {
            var name = command.TryGetProperty("command", out var c) ? c.GetString() : null;
            var description = command.TryGetProperty("description", out var d) ? d.GetString() : null;
            if (name is null || !CommandPattern().IsMatch(name))
            {
                throw new BotApiErrorException(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description is null || description.Length is < 1 or > 256)
            {
                throw new BotApiErrorException(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }

            list.Add((name, description));
        }

        // Telegram takes a two-letter ISO 639-1 code or none (the list for everyone without one of their own).
        var languageCode = parameters.Text("language_code") ?? "";
        if (languageCode.Length is not (0 or 2) || !languageCode.All(char.IsAsciiLetterLower))
        {
            throw new BotApiErrorException(400, "Bad Request: invalid language code specified");
        }

        lock (_commands)
        {
            _commands[languageCode] = list;
        }

        return true;
    }

    private async Task<JsonNode> GetUpdatesAsync(BotApiParameters parameters, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Clamp(parameters.Number("timeout") ?? 0, 0, 50));
        while (true)
        {
            lock (_gate)
            {
                _calls.Add("getUpdates");
                if (Webhook is not null)
                {
                    throw new BotApiErrorException(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                }

                // Telegram forgets every update below the offset: they are confirmed.
                var offset = parameters.Number("offset") ?? 0;
                _pendingUpdates.RemoveAll(u => (long)u["update_id"]! < offset);
                var allowed = parameters.Json("allowed_updates")?.EnumerateArray().Select(e => e.GetString()).ToHashSet();
                var ready = _pendingUpdates.Where(u => allowed is null || allowed.Count == 0 || u.Any(p => allowed.Contains(p.Key))).Take(100).ToList();
                if (ready.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    return new JsonArray([.. ready.Select(u => u.DeepClone())]);
                }
            }

            var wait = deadline - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await _updateArrived.WaitAsync(wait, cancellationToken);
            }
        }
    }

    // ---- Validation as strict as Telegram's ----

    private EmulatedChat ExistingChat(BotApiParameters parameters)
    {
        if (!parameters.Has("chat_id"))
        {
            throw new BotApiErrorException(400, "Bad Request: chat_id is empty");
        }

        return parameters.Number("chat_id") is { } id && _chats.TryGetValue(id, out var chat)
            ? chat
            : throw new BotApiErrorException(400, "Bad Request: chat not found");
    }

    private static string ValidText(string? text) => text switch
    {
        null or "" => throw new BotApiErrorException(400, "Bad Request: message text is empty"),
        { Length: > MaxTextLength } => throw new BotApiErrorException(400, "Bad Request: message is too long"),
        _ => text,
    };

    private static void ValidParseMode(string? mode)
    {
        if (mode is not (null or "" or "HTML" or "Markdown" or "MarkdownV2"))
        {
            throw new BotApiErrorException(400, $"Bad Request: unsupported parse_mode \"{mode}\"");
        }
    }

    private JsonNode? ValidMarkup(JsonElement? markup, EmulatedChat? chat)
    {
        if (markup is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }

        if (!value.TryGetProperty("inline_keyboard", out var rows))
        {
            return JsonNode.Parse(value.GetRawText());
        }

        if (rows.ValueKind != JsonValueKind.Array || rows.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array))
        {
            throw new BotApiErrorException(400, "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        }

        foreach (var button in rows.EnumerateArray().SelectMany(r => r.EnumerateArray()))
        {
            ValidButton(button, chat);
        }

        return JsonNode.Parse(value.GetRawText());
    }

    /// <summary>
    /// A button has a text and exactly one action: callback data, a URL, a Mini App (private chats
    /// only; never under an inline result, whose <paramref name="chat"/> is null), or an inline
    /// query to switch to (a bot with inline mode only).
    /// </summary>
    private void ValidButton(JsonElement button, EmulatedChat? chat)
    {
        if (!button.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length == 0)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        var actions = button.EnumerateObject().Where(p => ButtonActions.Contains(p.Name)).ToList();
        if (actions.Count == 0)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        if (actions.Count > 1)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used");
        }

        var action = actions[0];
        switch (action.Name)
        {
            case "callback_data":
                var bytes = action.Value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetByteCount(action.Value.GetString()!) : 0;
                if (bytes is < 1 or > MaxCallbackDataBytes)
                {
                    throw new BotApiErrorException(400, "Bad Request: BUTTON_DATA_INVALID");
                }

                break;
            case "url":
                if (action.Value.ValueKind != JsonValueKind.String
                    || !Uri.TryCreate(action.Value.GetString(), UriKind.Absolute, out var url)
                    || url.Scheme is not ("https" or "http" or "tg")
                    || (url.Scheme != "tg" && url.Host.Length == 0))
                {
                    throw new BotApiErrorException(400, "Bad Request: BUTTON_URL_INVALID");
                }

                break;
            case "web_app":
                if (!action.Value.TryGetProperty("url", out var webAppUrl) || webAppUrl.GetString()?.StartsWith("https://", StringComparison.Ordinal) != true)
                {
                    throw new BotApiErrorException(400, "Bad Request: BUTTON_URL_INVALID");
                }

                if (chat is not { Id: > 0 })
                {
                    // Mini App buttons open only in a private chat with the bot, not in groups nor under inline results.
                    throw new BotApiErrorException(400, "Bad Request: BUTTON_TYPE_INVALID");
                }

                break;
            case "switch_inline_query" or "switch_inline_query_current_chat":
                // Stricter than Telegram may be: a bot without inline mode cannot answer the query such a button starts.
                if (action.Value.ValueKind != JsonValueKind.String || !InlineMode)
                {
                    throw new BotApiErrorException(400, "Bad Request: BUTTON_TYPE_INVALID");
                }

                break;
        }
    }

    private static readonly string[] ButtonActions =
    [
        "callback_data", "url", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay",
    ];

    // ---- JSON as Telegram writes it ----

    private string Incoming(long chatId, long userId, Action<JsonObject> content, JsonArray? entities)
    {
        lock (_gate)
        {
            var chat = Chat(chatId);
            var message = new EmulatedMessage(chat.Id, chat.NextMessageId++, FromBot: false, Now()) { SentBy = userId };
            chat.Messages.Add(message);
            var json = MessageJson(chat, message, UserJson(userId));
            content(json);
            message.Text = (string?)json["text"];
            Say(chat.Id, $"{NameOf(userId)}: {message.Text ?? "(a sticker)"}");
            if (entities is not null)
            {
                json["entities"] = entities;
            }

            return Update("message", json);
        }
    }

    private string Update(string kind, JsonObject payload)
    {
        var update = new JsonObject { ["update_id"] = _nextUpdateId++, [kind] = payload };
        return update.ToJsonString();
    }

    private EmulatedChat Chat(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = new EmulatedChat(chatId);
            _chats[chatId] = chat;
        }

        return chat;
    }

    /// <summary>A message as Telegram writes it; a reply carries the message it replies to, one level deep.</summary>
    private JsonObject MessageJson(EmulatedChat chat, EmulatedMessage message, JsonObject from, bool withReply = true)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = from,
            ["chat"] = chat.Id > 0
                ? new JsonObject { ["id"] = chat.Id, ["first_name"] = NameOf(chat.Id), ["username"] = $"ada{chat.Id}", ["type"] = "private" }
                : new JsonObject { ["id"] = chat.Id, ["title"] = "Film club", ["type"] = chat.Id <= SupergroupIdsBelow ? "supergroup" : "group" },
            ["date"] = message.Date,
        };
        if (message.Text is not null)
        {
            json["text"] = message.Text;
        }

        if (message.ReplyMarkup is not null)
        {
            json["reply_markup"] = message.ReplyMarkup.DeepClone();
        }

        if (message.Poll is not null)
        {
            json["poll"] = PollJson(message.Poll);
        }

        if (message.ViaBot)
        {
            json["via_bot"] = BotUser();
        }

        if (withReply && message.ReplyTo is { } repliedId && chat.Messages.SingleOrDefault(m => m.MessageId == repliedId) is { } replied)
        {
            json["reply_to_message"] = MessageJson(chat, replied, replied.FromBot ? BotUser() : UserJson(replied.SentBy ?? chat.Id), withReply: false);
        }

        return json;
    }

    private JsonObject UserJson(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        var user = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = NameOf(id), ["username"] = $"ada{id}" };
        if (_languageCodes.GetValueOrDefault(id, "en") is { } languageCode)
        {
            user["language_code"] = languageCode;
        }

        return user;
    }

    private string NameOf(long userId) => _firstNames.GetValueOrDefault(userId, "Ada");

    private const string BotName = "MovieRec";

    private void Say(long chatId, string line) => _transcript.Add((chatId, line));

    /// <summary>A message's text in the transcript: its later lines indented under the first.</summary>
    private static string Indented(string text) => string.Join("\n", text.Split('\n').Select((line, at) => at == 0 || line.Length == 0 ? line : "    " + line));

    private static string ReplyNote(EmulatedMessage message) => message.ReplyTo is { } replied ? $" (replying to #{replied})" : "";

    private static string? ButtonsLine(JsonNode? markup) =>
        markup?["inline_keyboard"]?.AsArray() is { Count: > 0 } rows
            ? "\n    " + string.Join("\n    ", rows.Select(row => string.Join(" ", row!.AsArray().Select(b => $"[{(string?)b!["text"]}]"))))
            : null;

    /// <summary>A private chat's id is its user's id: positive.</summary>
    private static long PrivateChatOf(long chatId) =>
        chatId > 0 ? chatId : throw new ArgumentOutOfRangeException(nameof(chatId), chatId, "A private chat's id is its user's id; groups are negative (GroupMemberSends, MemberPresses).");

    private static long GroupChatOf(long chatId) =>
        chatId < 0 ? chatId : throw new ArgumentOutOfRangeException(nameof(chatId), chatId, "A group's id is negative (-100… for a supergroup).");

    private JsonObject BotUser() => new()
    {
        ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "MovieRec", ["username"] = BotUsername,
        ["can_join_groups"] = true, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = InlineMode,
    };

    private static JsonArray? Entities(string text)
    {
        var command = Regex.Match(text, @"\A/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?");
        return command.Success ? [new JsonObject { ["offset"] = 0, ["length"] = command.Length, ["type"] = "bot_command" }] : null;
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static readonly string[] KnownUpdateTypes =
    [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_connection", "business_message",
        "edited_business_message", "deleted_business_messages", "message_reaction", "message_reaction_count", "inline_query",
        "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
        "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
    ];

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,256}\z")]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"\A[a-z0-9_]{1,32}\z")]
    private static partial Regex CommandPattern();

    private sealed class EmulatedChat(long id)
    {
        public long Id { get; } = id;

        public int NextMessageId { get; set; } = 1;

        public List<EmulatedMessage> Messages { get; } = [];
    }

    /// <summary>A callback query Telegram waits on: who pressed, where, and whether the bot answered.</summary>
    private sealed record PendingPress(long UserId, long ChatId)
    {
        public bool Answered { get; init; }
    }
}

/// <summary>A message in an emulated chat; text and buttons change when the bot edits it.</summary>
public sealed record EmulatedMessage(long ChatId, int MessageId, bool FromBot, long Date)
{
    public string? Text { get; set; }

    public JsonNode? ReplyMarkup { get; set; }

    /// <summary>The message this one replies to, in the same chat.</summary>
    public int? ReplyTo { get; init; }

    /// <summary>The user who wrote it; null for the bot's.</summary>
    public long? SentBy { get; init; }

    /// <summary>The poll, for a message that is one.</summary>
    public EmulatedPoll? Poll { get; init; }

    /// <summary>Sent by a user through the bot's inline mode ("via @bot").</summary>
    public bool ViaBot { get; init; }

    /// <summary>The labels and callback data of the inline buttons, row by row flattened.</summary>
    public IReadOnlyList<(string Label, string? Data)> Buttons =>
        ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => ((string)b!["text"]!, (string?)b["callback_data"])).ToList() ?? [];
}

public sealed record CallbackAnswer(string QueryId, string? Text, bool ShowAlert = false)
{
    /// <summary>The link the presser's client opens (this bot's t.me start links only).</summary>
    public string? Url { get; init; }

    public long UserId { get; init; }
}

public sealed record WebhookRegistrationState(string Url, string? Secret, IReadOnlyList<string> AllowedUpdates);
