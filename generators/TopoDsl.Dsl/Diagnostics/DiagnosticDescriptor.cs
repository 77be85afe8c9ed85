namespace TopoDsl.Dsl;

/// <summary>One entry of the catalog: the message format takes the offending fragment and details as {0}, {1}, ...</summary>
public sealed record DiagnosticDescriptor(string Id, DslSeverity Severity, string Title, string MessageFormat)
{
    public const string HelpBase = "https://github.com/topodsl/topodsl/blob/main/README.md#";

    public string HelpUri => HelpBase + Id.ToLowerInvariant();

    public string Format(params object[] arguments) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}
