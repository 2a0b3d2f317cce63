namespace MovieRec.Domain;

/// <summary>
/// Finds films by title, built once per model: a sorted vocabulary of title words with the films
/// each appears in, so a query looks words up instead of reading every title. Every query word
/// must match a word of the title — exactly, as its beginning, or with one typo for a word of 4+
/// letters (two for 8+; the word meant, so "ain" may be "rain") — except articles, which may be missing ("the matrix" finds "Matrix, The
/// (1999)"); a four-digit year matches the film's year (or a title word, as in "2001"). Best match
/// first: exact over prefix over typo, then the share of the title the query covers, then the
/// more widely rated film.
/// </summary>
public sealed class MovieSearch
{
    private const double Exact = 3, Prefix = 2, Typo = 1;

    private readonly Movie[] _movies;
    private readonly int?[] _years;
    private readonly int[] _raters;
    private readonly int[] _wordCounts;
    private readonly string[] _vocabulary;
    private readonly int[][] _postings;

    /// <param name="ratersOf">How many people rated a film (by id): the tie-break.</param>
    public MovieSearch(IEnumerable<Movie> movies, Func<int, int> ratersOf)
    {
        ArgumentNullException.ThrowIfNull(movies);
        ArgumentNullException.ThrowIfNull(ratersOf);
        _movies = [.. movies];
        _years = [.. _movies.Select(m => TitleWords.YearOf(m.Title))];
        _raters = [.. _movies.Select(m => ratersOf(m.Id))];
        var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        _wordCounts = new int[_movies.Length];
        for (var f = 0; f < _movies.Length; f++)
        {
            var words = TitleWords.Of(TitleWords.WithoutYear(_movies[f].Title)).Distinct().ToList();
            _wordCounts[f] = words.Count;
            foreach (var word in words)
            {
                if (!postings.TryGetValue(word, out var films))
                {
                    postings[word] = films = [];
                }

                films.Add(f);
            }
        }

        _vocabulary = [.. postings.Keys];
        _postings = [.. postings.Values.Select(p => p.ToArray())];
    }

    /// <summary>The best <paramref name="limit"/> films for the query, best first; none for a query without words.</summary>
    public IReadOnlyList<Movie> Find(string query, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var words = TitleWords.Of(query ?? "");
        var required = words.Where(w => !TitleWords.Articles.Contains(w)).ToList();
        if (required.Count == 0)
        {
            // A query of articles alone ("the") is still a query about those words.
            required = [.. words];
        }

        if (required.Count == 0)
        {
            return [];
        }

        Dictionary<int, double>? scores = null;
        foreach (var word in required)
        {
            var matches = Matches(word);
            scores = scores is null
                ? matches
                : scores.Where(s => matches.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => s.Value + matches[s.Key]);
            if (scores.Count == 0)
            {
                return [];
            }
        }

        return [.. scores!
            .Select(s => (Film: s.Key, Score: s.Value + Coverage(s.Key, words.Count)))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => _raters[s.Film])
            .ThenBy(s => _movies[s.Film].Title.Length)
            .ThenBy(s => _movies[s.Film].Id)
            .Take(limit)
            .Select(s => _movies[s.Film])];
    }

    /// <summary>The share of the title's words the query accounts for, so "toy story" ranks Toy Story before Toy Story 2.</summary>
    private double Coverage(int film, int queryWords) => Math.Min(1, (double)queryWords / Math.Max(1, _wordCounts[film]));

    /// <summary>Every film one query word matches, with how well (the best of its title words).</summary>
    private Dictionary<int, double> Matches(string word)
    {
        var films = new Dictionary<int, double>();
        void Add(int entry, double score)
        {
            foreach (var film in _postings[entry])
            {
                films[film] = Math.Max(films.GetValueOrDefault(film), score);
            }
        }

        if (TitleWords.IsYear(word))
        {
            var year = int.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
            for (var f = 0; f < _movies.Length; f++)
            {
                if (_years[f] == year)
                {
                    films[f] = Exact;
                }
            }
        }

        // Words starting with the query word sit together in the sorted vocabulary.
        for (var entry = LowerBound(word); entry < _vocabulary.Length && _vocabulary[entry].StartsWith(word, StringComparison.Ordinal); entry++)
        {
            Add(entry, _vocabulary[entry].Length == word.Length ? Exact : Prefix);
        }

        // The typos a word may carry follow the length of the word meant, which a dropped letter
        // makes one longer than the word typed ("rane" or "ain" for "rain").
        var typos = TyposAllowed(word.Length);
        var typosIfShortened = TyposAllowed(word.Length + 1);
        if (typosIfShortened > 0)
        {
            for (var entry = 0; entry < _vocabulary.Length; entry++)
            {
                var candidate = _vocabulary[entry];
                if ((typos > 0 && EditDistance.WithinOfPrefix(word, candidate, typos))
                    || (typosIfShortened > typos && candidate.Length > word.Length && EditDistance.WithinOfWord(word, candidate, typosIfShortened)))
                {
                    Add(entry, Typo);
                }
            }
        }

        return films;
    }

    private static int TyposAllowed(int letters) => letters >= 8 ? 2 : letters >= 4 ? 1 : 0;

    private int LowerBound(string word)
    {
        int low = 0, high = _vocabulary.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_vocabulary[middle], word) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
