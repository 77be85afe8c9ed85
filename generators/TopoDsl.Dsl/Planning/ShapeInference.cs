using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Planning;

/// <summary>Shapes of (possibly lowered) expressions of a rule the analysis accepted, by the analysis's rules.</summary>
internal sealed class ShapeInference(EquatableArray<Shape> localShapes, Func<int, Shape> bufferShape)
{
    public Shape Of(BoundExpr expression) => expression switch
    {
        BoundLiteral or ScalarRef => Shape.Scalar,
        BoundHyperparameter h => h.Type is HyperparameterType.FloatArray or HyperparameterType.DoubleArray ? Shape.Array : Shape.Scalar,
        BoundBuiltin builtin => builtin.Kind == Builtin.Step ? Shape.Scalar : Shape.Parameter,
        BoundState => Shape.Parameter,
        BoundLocal local => localShapes[local.Index],
        BufferRef buffer => bufferShape(buffer.Id),
        ReductionRef reduction => reduction.PerNeuron ? Shape.Parameter : Shape.Scalar,
        BoundReduction reduction => reduction.PerNeuron ? Shape.Parameter : Shape.Scalar,
        BoundSubscript => Shape.Scalar,
        BoundBinary { Operator: Syntax.BinaryOperator.MatMul } product => new Shape(ShapeKind.Tensor, Of(product.Left).First, Of(product.Right).Second),
        BoundCall { Function: Function.Transpose } transpose => Of(transpose.Arguments[0]).Transposed(),
        BoundCall { Function: Function.Randn or Function.Rand } => Shape.Parameter,
        _ => Combine(Tree.Children(expression).Select(Of)),
    };

    private static Shape Combine(IEnumerable<Shape> shapes)
    {
        var all = shapes.ToList();
        return all.FirstOrDefault(s => s.IsTensor) is { Kind: ShapeKind.Tensor } tensor ? tensor
            : all.Any(s => s.Kind == ShapeKind.Array) ? Shape.Array
            : Shape.Scalar;
    }
}
