namespace TopoDsl.Generators.Model;

/// <summary>One generated file: the optimizer class of one rule.</summary>
internal sealed record GeneratedRule(string HintName, string Source);
