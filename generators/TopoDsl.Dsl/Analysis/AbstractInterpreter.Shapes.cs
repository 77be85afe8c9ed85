using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Analysis;

internal sealed partial class AbstractInterpreter
{
    /// <summary>
    /// The shape of an entry-by-entry combination: scalars broadcast; tensors must have the same axes; a
    /// hyperparameter array meeting a tensor is positional (its i-th value lands on whichever neuron is i-th).
    /// </summary>
    private Shape Elementwise(BoundExpr node, params (BoundExpr Expression, AbstractValue Value)[] operands)
    {
        var tensors = operands.Where(o => o.Value.Shape.IsTensor).ToList();
        var arrays = operands.Where(o => o.Value.Shape.Kind == ShapeKind.Array).ToList();
        if (tensors.Count > 0 && arrays.Count > 0)
        {
            _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, ArrayOrigin(arrays[0].Expression).Span, _diagnostics.Fragment(tensors[0].Expression.Span));
            return tensors[0].Value.Shape;
        }
        if (tensors.Count > 0)
        {
            var first = tensors[0];
            foreach (var other in tensors.Skip(1))
                if (other.Value.Shape != first.Value.Shape)
                {
                    _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, node.Span,
                        $"combines `{_diagnostics.Fragment(first.Expression.Span)}` of shape {first.Value.Shape} with `{_diagnostics.Fragment(other.Expression.Span)}` of shape {other.Value.Shape}; they match only for square parameters");
                    return Shape.Unknown; // reported once: enclosing expressions stay silent
                }
            return first.Value.Shape;
        }
        if (arrays.Count > 0) return Shape.Array;
        return operands.Any(o => o.Value.Shape.Kind == ShapeKind.Unknown) ? Shape.Unknown : Shape.Scalar;
    }

    /// <summary>
    /// A(a, b) @ B(b', c) has shape (a, c). It commutes with independent row and column permutations only when
    /// b and b' are the same symbolic axis: then the permutation matrices meet as Q^T Q = I inside the product.
    /// </summary>
    private AbstractValue MatMul(BoundBinary binary, AbstractValue left, AbstractValue right)
    {
        _usesMatrixForms = true;
        foreach (var (expression, value) in new[] { (binary.Left, left), (binary.Right, right) })
        {
            if (value.Shape.IsScalar)
            {
                _diagnostics.Report(DiagnosticCatalog.MatrixFormOnScalar, binary.Span, "@", _diagnostics.Fragment(expression.Span));
                return AbstractValue.Unknown;
            }
            if (value.Shape.Kind == ShapeKind.Array)
            {
                var other = ReferenceEquals(expression, binary.Left) ? binary.Right : binary.Left;
                _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, ArrayOrigin(expression).Span, _diagnostics.Fragment(other.Span));
                return AbstractValue.Unknown;
            }
        }
        if (!left.Shape.IsTensor || !right.Shape.IsTensor) return AbstractValue.Unknown;
        if (left.Shape.Second != right.Shape.First)
        {
            _diagnostics.Report(DiagnosticCatalog.NonCommutingContraction, binary.Span,
                $"axis {Shape.Name(left.Shape.Second)} of `{_diagnostics.Fragment(binary.Left.Span)}` with axis {Shape.Name(right.Shape.First)} of `{_diagnostics.Fragment(binary.Right.Span)}`");
            return AbstractValue.Unknown with { Positional = true }; // reported once: no shape errors follow from it
        }
        var shape = new Shape(ShapeKind.Tensor, left.Shape.First, right.Shape.Second);
        return AbstractValue.Derived(shape, Floors.None, RootOrders.Unknown, left, right);
    }

    /// <summary>
    /// The emitted code reads an array only as a whole hyperparameter, reduced (sum(w)) or indexed (w[0]): an
    /// array computed with (w * 2, sqrt(w)) has no C# form, so reducing or indexing one is an error.
    /// </summary>
    private bool IsWholeArray(BoundExpr expression)
    {
        if (expression is BoundHyperparameter) return true;
        _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, expression.Span,
            $"computes with the hyperparameter array `{_diagnostics.Fragment(ArrayOrigin(expression).Span)}` as a whole; reduce or index the array itself (sum(w), w[0])");
        return false;
    }

    /// <summary>The hyperparameter array an array-shaped expression comes from: the taint's origin.</summary>
    private static BoundExpr ArrayOrigin(BoundExpr expression) =>
        Tree.PreOrder(expression).FirstOrDefault(n => n is BoundHyperparameter { Type: HyperparameterType.FloatArray or HyperparameterType.DoubleArray }) ?? expression;

    private AbstractValue Transpose(BoundCall call, AbstractValue operand)
    {
        _usesMatrixForms = true;
        switch (operand.Shape.Kind)
        {
            case ShapeKind.Scalar:
                _diagnostics.Report(DiagnosticCatalog.MatrixFormOnScalar, call.Span, "transpose", _diagnostics.Fragment(call.Arguments[0].Span));
                return AbstractValue.Unknown;
            case ShapeKind.Array:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, call.Span, "transpose needs a tensor, and a hyperparameter array has one constant axis");
                return AbstractValue.Unknown;
            default:
                return operand with { Shape = operand.Shape.Transposed() };
        }
    }
}
