using MathNet.Numerics.LinearAlgebra;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Modules;
using TopoDsl.Training.SecondOrder;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.SecondOrder;

public class SharpnessTests
{
    [Fact]
    public void Linear_least_squares_has_the_eigenvalue_of_two_over_n_x_transpose_x()
    {
        var rng = new Rng(4);
        int n = 40, d = 6;
        var x = Tensor.Zeros(n, d);
        var y = Tensor.Zeros(n, 1);
        for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.Normal();
        for (int i = 0; i < n; i++) y.Data[i] = (float)rng.Normal();
        var w = Tensor.Zeros(d, 1);
        w.RequiresGrad = true;

        var result = Sharpness.TopEigenvalue(() => Loss.MeanSquaredError(x.MatMul(w), y), [w]);

        var xm = Matrix<double>.Build.Dense(n, d, (i, j) => x[i, j]);
        double expected = (xm.TransposeThisAndMultiply(xm) * (2.0 / n)).Evd(Symmetricity.Symmetric).EigenValues.Real().Maximum();
        Assert.True(result.Converged);
        Assert.Equal(expected, result.TopEigenvalue, expected * 1e-5);
        Assert.Equal(1 / expected, result.CriticalLearningRate, 1e-5 / expected);
    }

    [Fact]
    public void The_most_positive_eigenvalue_wins_over_a_larger_negative_one()
    {
        var p = new Tensor([0.3f, -0.2f], 2) { RequiresGrad = true };
        var weights = new Tensor([1f, -10f], 2);
        var result = Sharpness.TopEigenvalue(() => (p * p * weights).Sum(), [p]); // Hessian diag(2, -20)
        Assert.Equal(2.0, result.TopEigenvalue, 1e-5);
    }

    [Fact]
    public void Lanczos_agrees_with_the_dense_hessian_of_a_small_mlp()
    {
        var mlp = Mlp.Create([2, 5, 1], ActivationKind.Sigmoid, bias: false, seed: 3);
        var rng = new Rng(9);
        var x = Tensor.Zeros(16, 2);
        var y = Tensor.Zeros(16, 1);
        for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.Normal(0, 2);
        for (int i = 0; i < y.Count; i++) y.Data[i] = (float)rng.Normal();
        var parameters = mlp.Parameters().ToList();
        Tensor LossFn() => Loss.MeanSquaredError(mlp.Forward(x), y);

        int size = parameters.Sum(p => p.Count);
        var dense = Matrix<double>.Build.Dense(size, size);
        for (int j = 0; j < size; j++)
        {
            var basis = parameters.Select(p => Tensor.Zeros(p.Shape.ToArray())).ToList();
            int at = j;
            foreach (var part in basis)
            {
                if (at < part.Count) { part.Data[at] = 1; break; }
                at -= part.Count;
            }
            var column = Hessian.VectorProduct(LossFn, parameters, basis).SelectMany(t => t.Data).ToArray();
            for (int i = 0; i < size; i++) dense[i, j] = column[i];
        }
        Assert.True((dense - dense.Transpose()).InfinityNorm() < 1e-5 * dense.InfinityNorm(), "the Hessian should be symmetric");
        double expected = dense.Evd(Symmetricity.Symmetric).EigenValues.Real().Maximum();

        var result = Sharpness.TopEigenvalue(LossFn, parameters);
        Assert.Equal(expected, result.TopEigenvalue, Math.Abs(expected) * 1e-4);
    }

    [Theory]
    [InlineData(true, "NaN")]       // a weight set to NaN
    [InlineData(false, "Infinity")] // an infinite target in the data
    public void A_network_whose_loss_is_not_finite_is_refused_with_the_reason_before_the_eigensolver(bool nanWeight, string shown)
    {
        var mlp = Mlp.Create([2, 5, 1], ActivationKind.Sigmoid, bias: false, seed: 3);
        var parameters = mlp.Parameters().ToList();
        var x = new Tensor([0.5f, -1f, 2f, 0.25f], 2, 2);
        var y = new Tensor([1f, -1f], 2, 1);
        if (nanWeight) parameters[0].Data[0] = float.NaN;
        else y.Data[1] = float.PositiveInfinity;

        var error = Assert.Throws<NonFiniteCurvatureException>(() =>
            Sharpness.TopEigenvalue(() => Loss.MeanSquaredError(mlp.Forward(x), y), parameters));

        Assert.Equal("loss", error.ParamName);
        Assert.StartsWith($"the loss is {shown} at these parameters", error.Message);
    }

    [Fact]
    public void A_finite_loss_whose_hessian_overflows_is_refused_naming_the_hessian_vector_product()
    {
        // L = c p^2 with c = 3e38: L(0.01) = 3e34 is a float, but the Hessian 2c = 6e38 is beyond float.MaxValue.
        var p = new Tensor([0.01f], 1) { RequiresGrad = true };
        var c = new Tensor([3e38f], 1);

        var error = Assert.Throws<NonFiniteCurvatureException>(() => Sharpness.TopEigenvalue(() => (p * p * c).Sum(), [p]));

        Assert.Equal("loss", error.ParamName);
        Assert.Contains("the Hessian-vector product of Lanczos step 1 is", error.Message);
        Assert.Contains("although the loss is finite", error.Message);
    }
}
