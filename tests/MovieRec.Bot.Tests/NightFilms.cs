using System.Globalization;
using System.Text;
using MovieRec.DataFiles;
using MovieRec.Domain;
using MovieRec.Service;

namespace MovieRec.Bot.Tests;

/// <summary>
/// A small catalog for groups: 40 films of four genres (f % 4: Comedy, Drama, Action|Comedy, Sci-Fi),
/// "Night film N (1960+N)", IMDb tt000000N, rated by eight MovieLens users in a fixed pattern, so
/// three people who rated ten films each still have thirty films to be offered.
/// </summary>
internal static class NightFilms
{
    public const int Count = 40;

    /// <summary>The MovieLens ratings the model is built from: (user, film, stars).</summary>
    public static IReadOnlyList<(int User, int Film, int Stars)> Ratings { get; } =
    [
        .. from film in Enumerable.Range(1, Count)
           from user in Enumerable.Range(1, 8)
           where (film * user) % 5 != 0 || film <= user
           select (user, film, 1 + ((film * 7) + (user * 3)) % 5),
    ];

    public static RecommendationModel Model { get; } = Build();

    public static string GenresOf(int film) => (film % 4) switch
    {
        0 => "Comedy",
        1 => "Drama",
        2 => "Action|Comedy",
        _ => "Sci-Fi",
    };

    public static string TitleOf(int film) => string.Create(CultureInfo.InvariantCulture, $"Night film {film} ({1960 + film})");

    /// <summary>A person with a profile: registered, with these films rated (4 and 5 stars in turn).</summary>
    public static async Task GiveProfileAsync(RecommenderService service, long person, IEnumerable<int> films)
    {
        var id = person.ToString(CultureInfo.InvariantCulture);
        await service.RegisterAsync(id, CancellationToken.None);
        foreach (var (film, at) in films.Select((film, at) => (film, at)))
        {
            await service.RateMovieAsync(id, film, 4 + (at % 2), CancellationToken.None);
        }
    }

    private static RecommendationModel Build()
    {
        var movies = new StringBuilder("movieId,title,genres\n");
        var links = new StringBuilder("movieId,imdbId,tmdbId\n");
        for (var film = 1; film <= Count; film++)
        {
            movies.Append(CultureInfo.InvariantCulture, $"{film},{TitleOf(film)},{GenresOf(film)}\n");
            links.Append(CultureInfo.InvariantCulture, $"{film},{film:D7},\n");
        }

        var ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        foreach (var (user, film, stars) in Ratings)
        {
            ratings.Append(CultureInfo.InvariantCulture, $"{user},{film},{stars}.0,0\n");
        }

        var dataset = MovieLensReader.Read(new StringReader(movies.ToString()), new StringReader(links.ToString()), new StringReader(ratings.ToString()));
        return RecommendationModel.From(dataset, new RecommenderOptions());
    }
}
