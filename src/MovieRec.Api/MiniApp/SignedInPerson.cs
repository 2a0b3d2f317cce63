using System.Globalization;

namespace MovieRec.Api;

/// <summary>Who a Mini App call signed in as: their chat id (the Telegram user id) and the language MovieRec speaks to them.</summary>
public sealed record SignedInPerson(string ChatId, CultureInfo Language);
