namespace MovieRec.Domain;

/// <summary>Typo tolerance for search: optimal string alignment distance (a swap of two neighbours is one typo), bounded.</summary>
public static class EditDistance
{
    /// <summary>
    /// Whether <paramref name="typed"/> is within <paramref name="most"/> typos of
    /// <paramref name="word"/> or of one of its beginnings (a word being typed). Only a band of
    /// width 2 × <paramref name="most"/> + 1 is computed, and the work stops once every cell of a
    /// row is past the bound.
    /// </summary>
    public static bool WithinOfPrefix(string typed, string word, int most) => Within(typed, word, most, wholeWord: false);

    /// <summary>Whether <paramref name="typed"/> is within <paramref name="most"/> typos of the whole of <paramref name="word"/>.</summary>
    public static bool WithinOfWord(string typed, string word, int most) =>
        typed is not null && word is not null && Math.Abs(word.Length - typed.Length) <= most && Within(typed, word, most, wholeWord: true);

    private static bool Within(string typed, string word, int most, bool wholeWord)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < typed.Length - most)
        {
            return false;
        }

        // Rows: typed[..i]; columns: word[..j], j ≤ typed.Length + most (a longer beginning cannot be closer).
        var columns = Math.Min(word.Length, typed.Length + most);
        Span<int> before = stackalloc int[columns + 1];
        Span<int> previous = stackalloc int[columns + 1];
        Span<int> current = stackalloc int[columns + 1];
        const int Far = 1_000;
        for (var j = 0; j <= columns; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            current.Fill(Far);
            current[0] = i;
            var rowBest = i <= most ? i : Far;
            for (var j = Math.Max(1, i - most); j <= Math.Min(columns, i + most); j++)
            {
                var cost = typed[i - 1] == word[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == word[j - 2] && typed[i - 2] == word[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > most)
            {
                return false;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        if (wholeWord)
        {
            return columns == word.Length && previous[columns] <= most;
        }

        // The whole typed word against any beginning of the word within the band.
        for (var j = Math.Max(0, typed.Length - most); j <= columns; j++)
        {
            if (previous[j] <= most)
            {
                return true;
            }
        }

        return false;
    }
}
