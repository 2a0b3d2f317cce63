using System.Globalization;

namespace MovieRec.Domain;

/// <summary>
/// The one sentence that tells a group why a film was picked for all of them, from its
/// <see cref="GroupPick"/>, in any language of <see cref="PersonLanguage"/>.
/// </summary>
public sealed class GroupReason
{
    private const int Top = GroupRecommender.PersonalListLength;

    private readonly GroupPick _pick;

    public GroupReason(GroupPick pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        _pick = pick;
    }

    /// <summary>The sentence in English, as the HTTP API gives it.</summary>
    public static string Describe(GroupPick pick) => new GroupReason(pick).Text();

    /// <summary>The sentence in <paramref name="language"/> (English by default; a language MovieRec does not speak is English).</summary>
    public string Text(CultureInfo? language = null)
    {
        language = PersonLanguage.Spoken(language);
        var members = _pick.MemberStars.Count;
        var least = ReasonTexts.Stars(_pick.MemberStars.Min());
        var mean = ReasonTexts.Stars(_pick.MemberStars.Average());
        var lists = _pick.InPersonalLists switch
        {
            0 => ReasonTexts.Format(language, "GroupListsNone", Top),
            var n when n == members => members == 2 ? ReasonTexts.Format(language, "GroupListsBoth", Top) : ReasonTexts.Format(language, "GroupListsAll", members, Top),
            1 => ReasonTexts.Format(language, "GroupListsOne", Top),
            var n => ReasonTexts.Format(language, "GroupListsSome", n, members, Top),
        };
        return _pick.MemberStars.Min() >= GroupAggregation.MiseryStars
            ? ReasonTexts.Format(language, "GroupNobodyBelow", least, mean, lists)
            : ReasonTexts.Format(language, "GroupBestLeft", mean, least, lists);
    }

    public override string ToString() => Text();
}
