namespace MovieRec.Service;

/// <summary>The expected ways a use case declines: values for the callers to answer, not exceptions.</summary>
public enum Refusal
{
    /// <summary>The chat id was never registered.</summary>
    UnknownUser,

    /// <summary>The movie id is not in the MovieLens catalog.</summary>
    UnknownMovie,

    /// <summary>The user has rated (or skipped) every movie there is.</summary>
    NothingLeftToRate,

    /// <summary>The user has neither rated nor skipped the movie.</summary>
    NotRated,

    /// <summary>The user has rated fewer movies than recommendations need (<see cref="Domain.RecommendationRules.MinimumRatings"/>).</summary>
    TooFewRatings,
}

/// <summary>What a use case came to: a value, or the <see cref="Refusal"/> that stopped it.</summary>
public readonly record struct Outcome<T>
    where T : notnull
{
    internal Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>Makes the done <see cref="Outcome{T}"/>; a refusal converts on its own.</summary>
public static class Outcome
{
    public static Outcome<T> Done<T>(T value)
        where T : notnull => new(value, null);
}
