using Microsoft.Extensions.Options;
using MovieRec.DataFiles;
using MovieRec.Domain;

namespace MovieRec.Service;

/// <summary>The app does not start without its MovieLens files, and says where it looked.</summary>
internal sealed class MovieLensOptionsValidation : IValidateOptions<MovieLensOptions>
{
    public ValidateOptionsResult Validate(string? name, MovieLensOptions options) =>
        MovieLensLocation.Missing(options.ResolvedDirectory) is { } missing
            ? ValidateOptionsResult.Fail($"MOVIELENS_DIR: {missing}. Run scripts/fetch-data.sh (movierec data fetch) first.")
            : ValidateOptionsResult.Success;
}
