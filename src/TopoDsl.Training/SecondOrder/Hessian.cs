using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.SecondOrder;

/// <summary>Hessian-vector products of a loss with respect to parameters, by differentiating the gradient (exact, no finite differences).</summary>
public static class Hessian
{
    /// <summary>H v, where H is the Hessian of <paramref name="loss"/>() in <paramref name="parameters"/>; v is given per parameter.</summary>
    public static IReadOnlyList<Tensor> VectorProduct(Func<Tensor> loss, IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> vector)
    {
        if (vector.Count != parameters.Count)
            throw new ArgumentException($"{vector.Count} vector parts for {parameters.Count} parameters", nameof(vector));
        for (int i = 0; i < parameters.Count; i++)
            if (!Shapes.Equal(vector[i].Shape, parameters[i].Shape))
                throw new ShapeMismatchException($"vector part {i} has shape {Shapes.Format(vector[i].Shape)}, parameter {Shapes.Format(parameters[i].Shape)}");
        var gradients = Autograd.Gradients(loss(), parameters, createGraph: true);
        Tensor? dot = null;
        for (int i = 0; i < parameters.Count; i++)
        {
            var term = (gradients[i] * vector[i].Detach()).Sum();
            dot = dot is null ? term : dot + term;
        }
        if (dot is null || !dot.RequiresGrad)
            return parameters.Select(p => Tensor.Zeros(p.Shape.ToArray())).ToList(); // the loss is linear in the parameters
        return Autograd.Gradients(dot, parameters);
    }
}
