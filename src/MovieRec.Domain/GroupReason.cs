using System.Globalization;

namespace MovieRec.Domain;

/// <summary>The one sentence that tells a group why a film was picked for all of them, from its <see cref="GroupPick"/>.</summary>
public static class GroupReason
{
    public static string Describe(GroupPick pick)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var members = pick.MemberStars.Count;
        var least = pick.MemberStars.Min();
        var mean = pick.MemberStars.Average();
        var lists = pick.InPersonalLists switch
        {
            0 => Text($"none of you has it among your own top {Top} picks"),
            var n when n == members => members == 2 ? Text($"both of you have it among your own top {Top} picks") : Text($"all {members} of you have it among your own top {Top} picks"),
            1 => Text($"one of you has it among your own top {Top} picks"),
            var n => Text($"{n} of the {members} of you have it among your own top {Top} picks"),
        };
        return least >= GroupAggregation.MiseryStars
            ? Text($"Nobody is predicted below {least:0.0} stars ({mean:0.0} on average), and {lists}.")
            : Text($"The best the group has left: {mean:0.0} stars predicted on average, though one of you is predicted {least:0.0}; {lists}.");
    }

    private const int Top = GroupRecommender.PersonalListLength;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
