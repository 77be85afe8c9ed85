namespace TopoDsl.Dsl.Binding;

/// <summary>Functions applied entry by entry (or, for the matrix and positional forms, to the whole tensor).</summary>
public enum Function
{
    Sqrt, Abs, Sign, Exp, Log, Min, Max, Clamp, Tanh, Sigmoid, Relu, Square, Floor, Round, Where,
    Transpose,
    Randn, Rand,
    Roll, Cumsum, Sort, Flip,
}

/// <summary>Reductions: to one scalar over the whole tensor, or per neuron and broadcast back.</summary>
public enum ReductionKind { Sum, Mean, Norm, Max }
