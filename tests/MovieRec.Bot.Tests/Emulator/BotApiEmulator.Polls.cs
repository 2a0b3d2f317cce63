using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MovieRec.Bot.Tests.Emulator;

/// <summary>
/// Native polls as Telegram has them: sendPoll with a question of 1–300 characters and 1–12 options
/// of 1–100 each (the limit was 2–10 until Bot API 9.1 raised it to 12; Telegram.Bot 22.10 documents
/// 1–12, as tdlib's poll_answer_count_max does), members voting (one vote each, a new one replacing
/// the old), and stopPoll only for a poll the bot sent, once, answering the final counts.
/// </summary>
public sealed partial class BotApiEmulator
{
    public const int MaxPollQuestionLength = 300;
    public const int MinPollOptions = 1;
    public const int MaxPollOptions = 12;
    public const int MaxPollOptionLength = 100;

    private int _nextPollId = 1;

    /// <summary>The poll under a message of the chat; null for a message without one.</summary>
    public EmulatedPoll? PollOf(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? chat.Messages.SingleOrDefault(m => m.MessageId == messageId)?.Poll : null;
        }
    }

    /// <summary>
    /// A member votes for an option (0-based) of a poll the bot sent: the "poll" update Telegram sends
    /// the bot about its own polls (a non-anonymous poll would add a poll_answer, which this emulator does not model).
    /// </summary>
    public string MemberVotes(long chatId, long userId, int pollMessageId, int option)
    {
        lock (_gate)
        {
            var message = Chat(chatId).Messages.SingleOrDefault(m => m.MessageId == pollMessageId && m.Poll is not null)
                ?? throw new InvalidOperationException($"Message {pollMessageId} is no poll.");
            var poll = message.Poll!;
            if (poll.IsClosed)
            {
                throw new InvalidOperationException("Telegram lets nobody vote in a closed poll.");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(option);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(option, poll.Options.Count);
            poll.Votes[userId] = option;
            Say(chatId, $"{NameOf(userId)} votes in #{pollMessageId}{(poll.IsAnonymous ? " (anonymously)" : "")}: {poll.Options[option]}");
            return Update("poll", PollJson(poll));
        }
    }

    private JsonObject SendPoll(BotApiParameters parameters)
    {
        var chat = ExistingChat(parameters);
        var question = parameters.Text("question") ?? "";
        if (question.Length == 0)
        {
            throw new BotApiErrorException(400, "Bad Request: poll question must be non-empty");
        }

        if (question.Length > MaxPollQuestionLength)
        {
            throw new BotApiErrorException(400, "Bad Request: poll question length must not exceed 300");
        }

        var options = PollOptions(parameters.Json("options"));
        var markup = ValidMarkup(parameters.Json("reply_markup"), chat);
        var anonymous = !parameters.Has("is_anonymous") || parameters.Boolean("is_anonymous");
        var poll = new EmulatedPoll((_nextPollId++).ToString("D19", CultureInfo.InvariantCulture), question, options, anonymous);
        var message = new EmulatedMessage(chat.Id, chat.NextMessageId++, FromBot: true, Now())
        {
            ReplyMarkup = markup, ReplyTo = RepliedTo(parameters, chat), Poll = poll,
        };
        chat.Messages.Add(message);
        Say(chat.Id, $"{BotName} #{message.MessageId}{ReplyNote(message)}: a poll, {(anonymous ? "anonymous" : "open")}: {question}"
            + string.Concat(options.Select(o => $"\n    ○ {o}")) + ButtonsLine(markup));
        return MessageJson(chat, message, BotUser());
    }

    /// <summary>The options as InputPollOption objects ({"text": …}), or plain strings as older clients send them.</summary>
    private static List<string> PollOptions(JsonElement? given)
    {
        if (given is not { ValueKind: JsonValueKind.Array } array)
        {
            throw new BotApiErrorException(400, "Bad Request: can't parse options JSON object");
        }

        var options = array.EnumerateArray()
            .Select(o => o.ValueKind == JsonValueKind.String ? o.GetString() : o.ValueKind == JsonValueKind.Object && o.TryGetProperty("text", out var text) ? text.GetString() : null)
            .ToList();
        if (options.Count < MinPollOptions)
        {
            throw new BotApiErrorException(400, "Bad Request: poll must have at least one answer option");
        }

        if (options.Count > MaxPollOptions)
        {
            throw new BotApiErrorException(400, "Bad Request: poll can't have more than 12 options");
        }

        if (options.Any(string.IsNullOrWhiteSpace))
        {
            throw new BotApiErrorException(400, "Bad Request: text must be non-empty");
        }

        if (options.Any(o => o!.Length > MaxPollOptionLength))
        {
            throw new BotApiErrorException(400, "Bad Request: poll options length must not exceed 100");
        }

        return [.. options.Select(o => o!)];
    }

    private JsonObject StopPoll(BotApiParameters parameters)
    {
        var chat = ExistingChat(parameters);
        var messageId = parameters.Number("message_id") ?? throw new BotApiErrorException(400, "Bad Request: message identifier is not specified");
        var message = chat.Messages.SingleOrDefault(m => m.MessageId == messageId && m.Poll is not null)
            ?? throw new BotApiErrorException(400, "Bad Request: message with poll to stop not found");
        if (!message.FromBot)
        {
            // Only the bot that sent a poll may stop it.
            throw new BotApiErrorException(400, "Bad Request: message can't be edited");
        }

        if (message.Poll!.IsClosed)
        {
            throw new BotApiErrorException(400, "Bad Request: poll has already been closed");
        }

        message.ReplyMarkup = ValidMarkup(parameters.Json("reply_markup"), chat);
        message.Poll.IsClosed = true;
        Say(chat.Id, $"{BotName} closes the poll #{message.MessageId}: "
            + string.Join(" · ", message.Poll.Options.Select((o, at) => $"{o} {message.Poll.VotesFor(at)}")) + ButtonsLine(message.ReplyMarkup));
        return PollJson(message.Poll);
    }

    private static JsonObject PollJson(EmulatedPoll poll) => new()
    {
        ["id"] = poll.Id,
        ["question"] = poll.Question,
        ["options"] = new JsonArray([.. poll.Options.Select((text, at) => (JsonNode)new JsonObject
        {
            ["persistent_id"] = $"{poll.Id}-{at}",
            ["text"] = text,
            ["voter_count"] = poll.VotesFor(at),
        })]),
        ["total_voter_count"] = poll.Votes.Count,
        ["is_closed"] = poll.IsClosed,
        ["is_anonymous"] = poll.IsAnonymous,
        ["type"] = "regular",
        ["allows_multiple_answers"] = false,
        ["allows_revoting"] = true,
    };
}

/// <summary>A poll in an emulated chat: its options, each member's one vote, and whether it is closed.</summary>
public sealed class EmulatedPoll(string id, string question, IReadOnlyList<string> options, bool isAnonymous)
{
    public string Id { get; } = id;

    public string Question { get; } = question;

    public IReadOnlyList<string> Options { get; } = options;

    public bool IsAnonymous { get; } = isAnonymous;

    public bool IsClosed { get; set; }

    /// <summary>Each voter's option.</summary>
    public Dictionary<long, int> Votes { get; } = [];

    public int VotesFor(int option) => Votes.Values.Count(v => v == option);
}
