namespace TopoDsl.Dsl;

/// <summary>
/// Where the generated partial class goes. <paramref name="ContainingTypes"/> are the outer partial type
/// declarations, outermost first, as declaration text (e.g. "partial class Outer").
/// </summary>
public sealed record EmitTarget(string? Namespace, string TypeName, EquatableArray<string> ContainingTypes, string Accessibility);
