using TopoDsl.Training;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>
/// The teacher-student regression problems of Yang et al., "Topological Invariance and Breakdown in Learning".
/// The names count the dimensions of the graph of the target: a curve (x, y) in 2-D, a surface (x₁, x₂, y) in 3-D.
/// <para>
/// Reproducible draw order from <c>new Rng(seed)</c>: u row by row, then v, then x sample by sample; inputs are
/// rounded to float and the targets computed from them in double, then stored as float; the train/test split
/// uses a seed derived from the same seed.
/// Inputs are [n, 1] or [n, 2]; targets are [n, 1].
/// </para>
/// </summary>
public static class TeacherStudent
{
    /// <summary>x ~ N(0, 2²) scalar; u_k ~ N(0, 1), v_k ~ 0.6 N(0, 1).</summary>
    public static TeacherStudentData Generate2D(ulong seed, TeacherStudentOptions? options = null)
    {
        options ??= new TeacherStudentOptions();
        return Generate(seed, options, inputDimension: 1, uStd: 1, vStd: 0.6);
    }

    /// <summary>
    /// x ~ N(0, 2² I₂); u_k ~ N(0, I) / K^¼, v_k ~ N(0, 1) / K^¼ with K the teacher width (128^¼ in the paper),
    /// which keeps the variance of y independent of the width.
    /// </summary>
    public static TeacherStudentData Generate3D(ulong seed, TeacherStudentOptions? options = null)
    {
        options ??= new TeacherStudentOptions();
        double scale = 1 / Math.Pow(options.TeacherWidth, 0.25);
        return Generate(seed, options, inputDimension: 2, uStd: scale, vStd: scale);
    }

    private static TeacherStudentData Generate(ulong seed, TeacherStudentOptions options, int inputDimension, double uStd, double vStd)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Samples, nameof(options.Samples));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TeacherWidth, nameof(options.TeacherWidth));
        if (!(options.InputStd > 0)) throw new ArgumentOutOfRangeException(nameof(options), options.InputStd, "InputStd must be positive");

        var rng = new Rng(seed);
        var u = new double[options.TeacherWidth * inputDimension];
        for (int i = 0; i < u.Length; i++) u[i] = rng.Normal(0, uStd);
        var v = new double[options.TeacherWidth];
        for (int k = 0; k < v.Length; k++) v[k] = rng.Normal(0, vStd);
        var teacher = new Teacher(u, v, inputDimension);

        int n = options.Samples;
        var inputs = new float[n * inputDimension];
        var targets = new float[n];
        Span<double> x = stackalloc double[inputDimension];
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < inputDimension; d++)
            {
                // The target is computed from the stored (float) input, so that data and teacher agree exactly.
                inputs[i * inputDimension + d] = (float)rng.Normal(0, options.InputStd);
                x[d] = inputs[i * inputDimension + d];
            }
            targets[i] = (float)teacher.Evaluate(x);
        }

        var all = new Dataset(new Tensor(inputs, n, inputDimension), new Tensor(targets, n, 1));
        var (train, test) = all.Split(options.TrainFraction, SeedStreams.Derive(seed, 1));
        return new TeacherStudentData(all, train, test, teacher);
    }
}
