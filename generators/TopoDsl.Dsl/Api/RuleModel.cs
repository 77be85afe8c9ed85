using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;

namespace TopoDsl.Dsl;

/// <summary>
/// An accepted rule, ready to emit: its text, the hyperparameters it reads (in order of first use), its states
/// with their (hoisted) initial values, the bound statements and the execution plan. Immutable and
/// value-equatable.
/// </summary>
public sealed record RuleModel(
    string RuleText,
    EquatableArray<Hyperparameter> Hyperparameters,
    EquatableArray<StateDeclaration> States,
    EquatableArray<BoundStatement> Statements,
    ExecutionPlan Plan,
    RuleTraits Traits);
