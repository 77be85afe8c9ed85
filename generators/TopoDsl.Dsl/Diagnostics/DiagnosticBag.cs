using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl;

/// <summary>Collects diagnostics while the phases run; the text lets each message quote the offending fragment.</summary>
internal sealed class DiagnosticBag(string text)
{
    private readonly List<DslDiagnostic> _items = [];

    public string Text { get; } = text;

    public bool HasErrors => _items.Any(d => d.Severity == DslSeverity.Error);

    public IReadOnlyList<DslDiagnostic> Items => _items;

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="span"/>; the fragment there is the message's {0}.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] details)
    {
        var arguments = new object[details.Length + 1];
        arguments[0] = Fragment(span);
        details.CopyTo(arguments, 1);
        _items.Add(new DslDiagnostic(descriptor.Id, descriptor.Severity, span.Start, span.Length, descriptor.Format(arguments)));
    }

    public string Fragment(TextSpan span) => span.Length == 0 ? "" : Text.Substring(span.Start, span.Length);

    /// <summary>In text order, then by id: the output is deterministic.</summary>
    public EquatableArray<DslDiagnostic> ToSortedArray() =>
        _items.Distinct().OrderBy(d => d.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Length).ToEquatableArray();
}
