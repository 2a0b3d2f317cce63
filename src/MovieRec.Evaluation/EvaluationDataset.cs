using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Evaluation;

/// <summary>
/// A dataset to evaluate on. <paramref name="PublishedFolds"/> maps each rating (user id, movie
/// id) to its test fold where the dataset publishes folds (ml-100k's u1–u5); null where
/// cross-validation folds are drawn by seed.
/// </summary>
public sealed record EvaluationDataset(
    string Name,
    MovieCatalog Catalog,
    RatingMatrix Ratings,
    IReadOnlyDictionary<(int UserId, int MovieId), int>? PublishedFolds)
{
    public static EvaluationDataset MovieLensSmall(string folder)
    {
        var (catalog, ratings) = MovieLensReader.ReadFolder(folder);
        return new EvaluationDataset("ml-latest-small", catalog, ratings, null);
    }
}
