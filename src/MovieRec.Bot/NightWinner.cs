namespace MovieRec.Bot;

/// <summary>
/// The film a movie night's vote chose: the option with the most votes; on a tie (no votes at all
/// included) the first of the tied, since the poll lists the films best for the group first.
/// </summary>
public sealed record NightWinner(int Option, int Votes, bool Tie)
{
    public static NightWinner Of(IReadOnlyList<int> votesPerOption)
    {
        ArgumentOutOfRangeException.ThrowIfZero(votesPerOption.Count);
        var most = votesPerOption.Max();
        var first = votesPerOption.Select((votes, option) => (votes, option)).First(o => o.votes == most).option;
        return new NightWinner(first, most, votesPerOption.Count(votes => votes == most) > 1);
    }
}
