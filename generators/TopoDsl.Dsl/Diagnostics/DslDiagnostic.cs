namespace TopoDsl.Dsl;

/// <summary>A finding about the rule; <paramref name="Start"/> and <paramref name="Length"/> index the rule text as given.</summary>
public sealed record DslDiagnostic(string Id, DslSeverity Severity, int Start, int Length, string Message)
{
    public override string ToString() => $"{Id} {Severity} [{Start}..{Start + Length}): {Message}";
}
