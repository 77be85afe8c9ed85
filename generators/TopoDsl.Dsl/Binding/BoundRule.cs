namespace TopoDsl.Dsl.Binding;

/// <summary>The rule with names resolved: state declarations and assignments in text order.</summary>
internal sealed record BoundRule(EquatableArray<StateDeclaration> States, EquatableArray<BoundStatement> Statements, EquatableArray<string> Locals);
