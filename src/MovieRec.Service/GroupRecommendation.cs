using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>What a group recommendation came to: the films, or the member who is not ready for one.</summary>
public abstract record GroupRecommendation;

/// <summary>The films for the group, best first.</summary>
public sealed record GroupFilms(IReadOnlyList<GroupFilm> Films) : GroupRecommendation;

/// <summary>A member unknown (<see cref="Refusal.UnknownUser"/>) or with fewer than 10 ratings (<see cref="Refusal.TooFewRatings"/>).</summary>
public sealed record MemberNotReady(string ChatId, Refusal Why) : GroupRecommendation;

/// <summary>A film for a group: each member's predicted stars (in the order the members were given) and why, in any language of <see cref="PersonLanguage"/>.</summary>
public sealed record GroupFilm(Movie Movie, IReadOnlyList<MemberStars> Members, GroupReason Why)
{
    /// <summary>The sentence in English, as the HTTP API gives it; <see cref="GroupReason.Text"/> words it in another language.</summary>
    public string Reason => Why.Text();

    /// <summary>The group's predicted stars: the members' mean.</summary>
    public double Score => Members.Average(m => m.Stars);
}

/// <summary>One member's predicted stars for a film.</summary>
public sealed record MemberStars(string ChatId, double Stars);
