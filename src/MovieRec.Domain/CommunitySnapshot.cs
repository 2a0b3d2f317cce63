namespace MovieRec.Domain;

/// <summary>
/// One build of the community part of the neighbour pool, as the builder publishes it and every
/// instance loads it. <see cref="Version"/> grows by one per build; <see cref="ChangesSince"/>
/// is where the next build starts reading changed users (everything changed before it is in).
/// </summary>
public sealed record CommunitySnapshot(
    long Version,
    DateTimeOffset BuiltAt,
    DateTimeOffset ChangesSince,
    DateTimeOffset FullBuildAt,
    CommunityRatings Ratings);
