namespace MovieRec.Domain;

/// <summary>The MovieLens scale: 0.5 to 5 stars in half-star steps.</summary>
public static class StarScale
{
    public const double Min = 0.5;
    public const double Max = 5.0;

    public static bool IsValid(double stars) =>
        double.IsFinite(stars) && stars >= Min && stars <= Max && Math.Abs(stars * 2 - Math.Round(stars * 2)) < 1e-9;
}
