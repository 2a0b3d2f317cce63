using System.Diagnostics.CodeAnalysis;

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

    /// <summary>
    /// The value when done; when refused, null. For reads where any refusal means "nothing" (a
    /// pattern such as <c>Value is { } movie</c>); where the refusal matters, or T is a value type
    /// whose default would pass for a value, <see cref="TryGet(out T, out Refusal)"/> or <see cref="Match{TResult}"/>.
    /// </summary>
    public T? Value { get; }

    public Refusal? Refusal { get; }

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    /// <summary>True with the value when the use case was done.</summary>
    public bool TryGet([MaybeNullWhen(false)] out T value) => TryGet(out value, out _);

    /// <summary>True with the value when the use case was done; false with the refusal that stopped it.</summary>
    public bool TryGet([MaybeNullWhen(false)] out T value, out Refusal refusal)
    {
        value = Value;
        refusal = Refusal.GetValueOrDefault();
        return Refusal is null;
    }

    /// <summary><paramref name="done"/> of the value, or <paramref name="refused"/> of the refusal.</summary>
    public TResult Match<TResult>(Func<T, TResult> done, Func<Refusal, TResult> refused)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(refused);
        return TryGet(out var value, out var refusal) ? done(value) : refused(refusal);
    }
}

/// <summary>
/// What a use case with nothing to give back came to: done, or the <see cref="Refusal"/> that
/// stopped it. Also makes the done <see cref="Outcome{T}"/>; a refusal converts to either on its own.
/// </summary>
public readonly record struct Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    /// <summary>Null when done.</summary>
    public Refusal? Refusal { get; }

    public static implicit operator Outcome(Refusal refusal) => new(refusal);

    public static Outcome Done() => new(null);

    public static Outcome<T> Done<T>(T value)
        where T : notnull => new(value, null);

    /// <summary><paramref name="done"/>, or <paramref name="refused"/> of the refusal.</summary>
    public TResult Match<TResult>(Func<TResult> done, Func<Refusal, TResult> refused)
    {
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(refused);
        return Refusal is { } refusal ? refused(refusal) : done();
    }
}
