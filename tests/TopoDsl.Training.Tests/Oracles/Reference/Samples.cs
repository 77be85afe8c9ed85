namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>Seeded float32 test data and widening to double.</summary>
internal static class Samples
{
    public static float[] Uniform(System.Random random, int count, double scale = 1) =>
        Enumerable.Range(0, count).Select(_ => (float)((2 * random.NextDouble() - 1) * scale)).ToArray();

    public static float[][] Parameters(System.Random random, TorchModel model, double scale = 1) =>
        model.ParameterShapes().Select(s => Uniform(random, TorchCase.Elements(s), scale)).ToArray();

    public static int[] Labels(System.Random random, int count, int classes) =>
        Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();

    public static double[][] Widen(float[][] parameters) => parameters.Select(p => p.Select(x => (double)x).ToArray()).ToArray();

    public static double[] Flatten(double[][] parameters) => parameters.SelectMany(p => p).ToArray();
}
