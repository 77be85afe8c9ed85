using TopoDsl.Rules;
using TopoDsl.Training;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Cli.Bench;

/// <summary>Times the generated Adam (TopoDsl.Rules.Adam, compiled from its DSL rule) on one parameter tensor.</summary>
internal static class ManagedOptimizerStep
{
    public static double Milliseconds(int parameters, int threads)
    {
        var rng = new Rng(1);
        var values = new float[parameters];
        var gradient = new float[parameters];
        for (int i = 0; i < parameters; i++)
        {
            values[i] = (float)rng.Normal();
            gradient[i] = (float)(rng.Normal() * 1e-3);
        }
        var p = new Tensor(values, parameters) { RequiresGrad = true };
        p.Backward(new Tensor(gradient, parameters));   // from the leaf itself: p.Grad = gradient, no product tensor
        var slots = new[] { new ParameterSlot("p", p) };
        var adam = new Adam { lr = 1e-3f, beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f, Threads = threads };
        int step = 0;
        return StepTiming.OptimizerStep.MedianMilliseconds(() => adam.Step(slots, ++step));
    }
}
