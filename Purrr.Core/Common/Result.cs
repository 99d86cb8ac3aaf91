namespace Purrr.Core.Common;

/// <summary>An expected failure a player can read; <see cref="Field"/> names the input it belongs to, if any.</summary>
public sealed record Problem(string Message, string? Field = null);

/// <summary>The outcome of an operation that can fail for ordinary reasons (bad input, not allowed, not found).</summary>
public sealed class Result<T>
{
    private readonly T? value;

    private Result(T? value, IReadOnlyList<Problem> problems)
    {
        this.value = value;
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    public T Value => Succeeded ? value! : throw new InvalidOperationException($"No value: {FirstMessage}");

    public string FirstMessage => Problems.Count > 0 ? Problems[0].Message : "";

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(string message, string? field = null) => new(default, [new Problem(message, field)]);

    public static Result<T> Failure(IReadOnlyList<Problem> problems) =>
        problems.Count > 0 ? new(default, problems) : throw new ArgumentException("A failure needs at least one problem.", nameof(problems));

    public static implicit operator Result<T>(T value) => Success(value);
}
