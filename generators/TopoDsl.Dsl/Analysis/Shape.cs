namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// A symbolic axis. A 2-D parameter is indexed by (R, C): a neuron permutation acts on the rows of W_in and on
/// the columns of W_out, so a sound rule must commute with P X Q^T for independent permutations P and Q,
/// i.e. R and C are independent permutable axes. Other parameters use the same (R, C) nominally: an
/// elementwise rule never looks at axes.
/// </summary>
public enum Axis { Row, Column }

public enum ShapeKind
{
    /// <summary>The shape of a subexpression whose error is already reported: combines silently with anything.</summary>
    Unknown,
    Scalar,
    Tensor,
    /// <summary>A hyperparameter array: a constant axis that no permutation acts on.</summary>
    Array,
}

public readonly record struct Shape(ShapeKind Kind, Axis First = Axis.Row, Axis Second = Axis.Column)
{
    public static Shape Unknown => new(ShapeKind.Unknown);
    public static Shape Scalar => new(ShapeKind.Scalar);
    public static Shape Array => new(ShapeKind.Array);
    public static Shape Parameter => new(ShapeKind.Tensor, Axis.Row, Axis.Column);

    public bool IsTensor => Kind == ShapeKind.Tensor;
    public bool IsScalar => Kind == ShapeKind.Scalar;
    public bool IsParameterShaped => this == Parameter;

    public Shape Transposed() => IsTensor ? new Shape(ShapeKind.Tensor, Second, First) : this;

    public override string ToString() => Kind switch
    {
        ShapeKind.Tensor => $"({Name(First)}, {Name(Second)})",
        ShapeKind.Array => "a hyperparameter array",
        ShapeKind.Scalar => "a scalar",
        _ => "unknown",
    };

    public static string Name(Axis axis) => axis == Axis.Row ? "R" : "C";
}
