namespace TopoDsl.Experiments.Definitions;

/// <summary>
/// One axis of an experiment's grid: a hyperparameter of the rule and its values. When <see cref="TimesEtaStar"/>
/// is true the values are multiples of η* = 1/K, with K measured at initialisation for each seed.
/// </summary>
/// <param name="Name">The hyperparameter, e.g. "lr".</param>
/// <param name="Values">The values, in order.</param>
/// <param name="TimesEtaStar">Whether the values are multiples of 1/K rather than absolute.</param>
public sealed record SweepAxis(string Name, IReadOnlyList<double> Values, bool TimesEtaStar = false);
