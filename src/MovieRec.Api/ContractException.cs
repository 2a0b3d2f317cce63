namespace MovieRec.Api;

/// <summary>A request the contract refuses: a 4xx status and a message a client can act on.</summary>
public sealed class ContractException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
