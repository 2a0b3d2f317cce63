using System.CommandLine;
using System.Globalization;
using MovieRec.DataFiles;
using MovieRec.Domain;
using Spectre.Console;

namespace MovieRec.Cli;

/// <summary><c>movierec recommend --ratings 1:5,260:4.5,… [--top 3]</c>.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var ratings = new Option<string>("--ratings")
        {
            Description = "Your ratings as movieId:stars pairs, comma separated (at least 10).",
            Required = true,
        };
        var top = new Option<int>("--top")
        {
            Description = $"How many movies (1-{RecommendationRules.MaxTopN}).",
            DefaultValueFactory = _ => RecommendationRules.DefaultTopN,
        };
        var command = new Command("recommend", "Recommend movies for a set of ratings.");
        command.Options.Add(ratings);
        command.Options.Add(top);
        command.SetAction((parse, _) => Failure.ReportAsync(() => Task.FromResult(Run(parse.GetValue(ratings)!, parse.GetValue(top)))));
        return command;
    }

    private static int Run(string ratingsText, int top)
    {
        if (top is < 1 or > RecommendationRules.MaxTopN)
        {
            throw new ArgumentException($"--top must be 1 to {RecommendationRules.MaxTopN}.");
        }

        var ratings = RatingsArgument.Parse(ratingsText);
        var dataset = MovieLensReader.ReadFolder(Settings.MovieLensFolder);
        var unknown = ratings.Keys.Where(id => !dataset.Catalog.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not in ml-latest-small: movie {string.Join(", ", unknown)}.");
        }

        if (ratings.Count < RecommendationRules.MinimumRatings)
        {
            throw new ArgumentException(
                $"{ratings.Count} ratings given; recommendations need at least {RecommendationRules.MinimumRatings}.");
        }

        var recommender = new UserBasedRecommender(dataset.Ratings, new RecommenderOptions());
        var picks = recommender.Recommend(ratings, top);
        var table = new Table().AddColumns(new TableColumn("#"), new TableColumn("Title"), new TableColumn("URL").NoWrap(), new TableColumn("Score").RightAligned(), new TableColumn("Why"));
        var rank = 1;
        foreach (var pick in picks)
        {
            var movie = dataset.Catalog.Get(pick.MovieId);
            table.AddRow(
                (rank++).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(movie.Title),
                Markup.Escape(movie.Url),
                pick.Score.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(RecommendationReason.Describe(pick.Evidence, dataset.Catalog)));
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
