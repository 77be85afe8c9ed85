namespace TopoDsl;

/// <summary>
/// Marks a partial class as an optimizer written in the update-rule DSL. At build time TopoDsl's source
/// generator checks the rule (permutation equivariance over neurons, the Lipschitz condition) and emits the
/// class's <c>IOptimizer</c> implementation and a <c>Traits</c> description. The hyperparameters are the class's
/// public fields and properties. Write the rule as a raw string literal (<c>"""</c>) so that diagnostics point at
/// the exact characters.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false, AllowMultiple = false)]
public sealed class UpdateRuleAttribute(string rule) : Attribute
{
    public string Rule { get; } = rule;
}
