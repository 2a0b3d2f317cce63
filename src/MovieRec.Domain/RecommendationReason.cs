using System.Globalization;

namespace MovieRec.Domain;

/// <summary>
/// The one sentence that tells a person why a movie was picked, built from its
/// <see cref="RecommendationEvidence"/>, in any language of <see cref="PersonLanguage"/>.
/// </summary>
public sealed class RecommendationReason
{
    private readonly RecommendationEvidence _evidence;
    private readonly string? _favourite;

    /// <summary>The reason for a pick; the favourite it names is looked up in <paramref name="catalog"/> now.</summary>
    public RecommendationReason(RecommendationEvidence evidence, MovieCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(catalog);
        _evidence = evidence;
        _favourite = evidence.SharedFavourites.Count > 0 && catalog.TryGet(evidence.SharedFavourites[0].MovieId, out var favourite) ? favourite.Title : null;
    }

    /// <summary>The sentence in English, as the HTTP API gives it.</summary>
    public static string Describe(RecommendationEvidence evidence, MovieCatalog catalog) => new RecommendationReason(evidence, catalog).Text();

    /// <summary>The sentence in <paramref name="language"/> (English by default; a language MovieRec does not speak is English).</summary>
    public string Text(CultureInfo? language = null)
    {
        language = PersonLanguage.Spoken(language);
        var evidence = _evidence;
        var people = ReasonTexts.Format(language, CountForm.Key("People", evidence.Neighbours, language), evidence.Neighbours);
        if (evidence.NeighbourRaters == 0)
        {
            return evidence.MovieLensRaters == 0
                ? ReasonTexts.Get(language, "NobodyRatedIt")
                : ReasonTexts.Format(
                    language,
                    "NoNeighbourRatedIt",
                    people,
                    ReasonTexts.Format(language, CountForm.Key("MovieLensMembers", evidence.MovieLensRaters, language), evidence.MovieLensRaters),
                    ReasonTexts.Stars(evidence.MovieLensMeanStars));
        }

        var mean = ReasonTexts.Stars(evidence.NeighbourMeanStars);
        if (_favourite is null)
        {
            return ReasonTexts.Format(language, CountForm.Key("NeighboursRatedIt", evidence.NeighbourRaters, language), evidence.NeighbourRaters, people, mean);
        }

        var shared = evidence.SharedFavourites[0];
        var ofThem = shared.AlsoLovedBy == 1 ? ReasonTexts.Get(language, "OneOfThem") : ReasonTexts.Format(language, "SomeOfThem", shared.AlsoLovedBy);
        return ReasonTexts.Format(
            language,
            CountForm.Key("NeighboursRatedAndLovedIt", evidence.NeighbourRaters, language),
            evidence.NeighbourRaters,
            people,
            mean,
            ofThem,
            _favourite,
            shared.YourStars.ToString("0.#", CultureInfo.InvariantCulture));
    }

    public override string ToString() => Text();
}
