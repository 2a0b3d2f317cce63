namespace MovieRec.Domain;

/// <summary>A movie picked for a user: its predicted stars and how many neighbours backed it.</summary>
public sealed record Recommendation(int MovieId, double Score, int Support);
