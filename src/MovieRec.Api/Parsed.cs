namespace MovieRec.Api;

/// <summary>A request refused (docs/api.md): its 4xx status and a message a client can act on.</summary>
public sealed record RequestRefusal(int Status, string Message);

/// <summary>What reading a request (or one of its fields) gave: the value, or why it is refused.</summary>
public readonly struct Parsed<T>
{
    private readonly T _value;
    private readonly RequestRefusal? _refusal;

    public Parsed(T value)
    {
        _value = value;
        _refusal = null;
    }

    public Parsed(RequestRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        _value = default!;
        _refusal = refusal;
    }

    public static implicit operator Parsed<T>(T value) => new(value);

    public static implicit operator Parsed<T>(RequestRefusal refusal) => new(refusal);

    /// <summary>True with the value; false with the refusal.</summary>
    public bool TryGet(out T value, out RequestRefusal refusal)
    {
        value = _value;
        refusal = _refusal!;
        return _refusal is null;
    }
}
