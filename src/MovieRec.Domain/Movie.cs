namespace MovieRec.Domain;

/// <summary>One MovieLens movie as a person sees it.</summary>
public sealed record Movie(int Id, string Title, string Genres, int? ImdbId)
{
    /// <summary>The IMDb page where the movie has an IMDb id, its MovieLens page otherwise.</summary>
    public string Url => ImdbId is { } imdb
        ? $"https://www.imdb.com/title/tt{imdb:D7}/"
        : $"https://movielens.org/movies/{Id}";
}
