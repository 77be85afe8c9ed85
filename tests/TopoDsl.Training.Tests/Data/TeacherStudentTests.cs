using TopoDsl.Training.Data;
using TopoDsl.Training;

namespace TopoDsl.Training.Tests.Data;

/// <summary>
/// Statistical checks use bounds of five standard errors for the sample sizes involved, so a correct generator
/// passes with any seed (the seeds are fixed, so the tests are deterministic) while a wrong scale fails.
/// </summary>
public class TeacherStudentTests
{
    private static readonly ulong[] Seeds = [1, 2, 3, 2024, 987654321];

    [Fact]
    public void Defaults_give_5000_samples_split_3500_and_1500()
    {
        var d2 = TeacherStudent.Generate2D(seed: 1);
        Assert.Equal([5000, 1], d2.All.Inputs.Shape.ToArray());
        Assert.Equal([5000, 1], d2.All.Targets.Shape.ToArray());
        Assert.Equal([3500, 1], d2.Train.Inputs.Shape.ToArray());
        Assert.Equal([1500, 1], d2.Test.Targets.Shape.ToArray());
        Assert.Equal(128, d2.Teacher.Width);

        var d3 = TeacherStudent.Generate3D(seed: 1);
        Assert.Equal([5000, 2], d3.All.Inputs.Shape.ToArray());
        Assert.Equal([3500, 2], d3.Train.Inputs.Shape.ToArray());
        Assert.Equal([1500, 1], d3.Test.Targets.Shape.ToArray());
        Assert.Equal(2, d3.Teacher.InputDimension);
    }

    [Fact]
    public void Options_override_samples_width_and_split()
    {
        var d = TeacherStudent.Generate3D(seed: 9, new TeacherStudentOptions { Samples = 1000, TeacherWidth = 16, TrainFraction = 0.8 });
        Assert.Equal((800, 200, 16), (d.Train.Count, d.Test.Count, d.Teacher.Width));
    }

    [Fact]
    public void Same_seed_gives_the_same_data_and_another_seed_different_data()
    {
        foreach (var generate in new Func<ulong, TeacherStudentData>[] { s => TeacherStudent.Generate2D(s), s => TeacherStudent.Generate3D(s) })
        {
            var a = generate(5);
            var b = generate(5);
            var c = generate(6);
            Assert.Equal(a.Train.Inputs.Data, b.Train.Inputs.Data);
            Assert.Equal(a.Test.Targets.Data, b.Test.Targets.Data);
            Assert.NotEqual(a.All.Inputs.Data, c.All.Inputs.Data);
            Assert.NotEqual(a.All.Targets.Data, c.All.Targets.Data);
        }
    }

    [Fact]
    public void Inputs_2D_have_mean_0_and_variance_4()
    {
        // n = 5000, σ = 2: standard error of the mean 2/√n ≈ 0.028, of the variance σ²√(2/(n−1)) ≈ 0.080.
        foreach (var seed in Seeds)
        {
            var x = Column(TeacherStudent.Generate2D(seed).All.Inputs.Data, 1, 0);
            Assert.InRange(Mean(x), -0.14, 0.14);
            Assert.InRange(Variance(x), 4 - 0.4, 4 + 0.4);
        }
    }

    [Fact]
    public void Inputs_3D_are_isotropic_with_variance_4_per_coordinate()
    {
        // As in 2-D per coordinate; the sample covariance of independent coordinates has standard error σ²/√n ≈ 0.057.
        foreach (var seed in Seeds)
        {
            var data = TeacherStudent.Generate3D(seed).All.Inputs.Data;
            var x1 = Column(data, 2, 0);
            var x2 = Column(data, 2, 1);
            Assert.InRange(Variance(x1), 3.6, 4.4);
            Assert.InRange(Variance(x2), 3.6, 4.4);
            Assert.InRange(Covariance(x1, x2), -0.28, 0.28);
        }
    }

    [Fact]
    public void Teacher_2D_weights_have_variances_1_and_0_36()
    {
        // Width 20000: relative standard error of a sample variance √(2/K) = 1 %; bounds at 5 %.
        var teacher = TeacherStudent.Generate2D(3, new TeacherStudentOptions { TeacherWidth = 20000, Samples = 10 }).Teacher;
        Assert.InRange(Variance(teacher.U.ToArray()), 0.95, 1.05);
        Assert.InRange(Variance(teacher.V.ToArray()), 0.36 * 0.95, 0.36 * 1.05);
        Assert.InRange(Mean(teacher.V.ToArray()), -5 * 0.6 / Math.Sqrt(20000), 5 * 0.6 / Math.Sqrt(20000));
    }

    [Fact]
    public void Teacher_3D_weights_have_variance_one_over_root_width()
    {
        foreach (int width in new[] { 128, 20000 })
        {
            var teacher = TeacherStudent.Generate3D(4, new TeacherStudentOptions { TeacherWidth = width, Samples = 10 }).Teacher;
            double expected = 1 / Math.Sqrt(width);
            double tolerance = 5 * Math.Sqrt(2.0 / width);
            Assert.Equal(2 * width, teacher.U.Length);
            Assert.InRange(Variance(teacher.U.ToArray()) / expected, 1 - tolerance / Math.Sqrt(2), 1 + tolerance / Math.Sqrt(2));
            Assert.InRange(Variance(teacher.V.ToArray()) / expected, 1 - tolerance, 1 + tolerance);
        }
    }

    [Fact]
    public void Targets_are_the_teacher_sum_of_sigmoids_at_the_stored_inputs()
    {
        foreach (var data in new[] { TeacherStudent.Generate2D(11), TeacherStudent.Generate3D(11) })
        {
            int dim = data.Teacher.InputDimension;
            var u = data.Teacher.U.ToArray();
            var v = data.Teacher.V.ToArray();
            foreach (var set in new[] { data.All, data.Train, data.Test })
                for (int i = 0; i < set.Count; i++)
                {
                    double y = 0;
                    for (int k = 0; k < v.Length; k++)
                    {
                        double z = 0;
                        for (int j = 0; j < dim; j++) z += u[k * dim + j] * set.Inputs.Data[i * dim + j];
                        y += v[k] / (1 + Math.Exp(-z));
                    }
                    Assert.Equal(y, set.Targets.Data[i], 1e-6 * (1 + Math.Abs(y)));
                }
        }
    }

    [Fact]
    public void Train_and_test_together_are_all_samples()
    {
        var data = TeacherStudent.Generate3D(12);
        static IEnumerable<(float, float, float)> Rows(Dataset d) =>
            Enumerable.Range(0, d.Count).Select(i => (d.Inputs.Data[2 * i], d.Inputs.Data[2 * i + 1], d.Targets.Data[i]));
        Assert.Equal(Rows(data.All).Order(), Rows(data.Train).Concat(Rows(data.Test)).Order());
    }

    [Fact]
    public void Draw_order_is_u_then_v_then_x_from_the_seed()
    {
        const int width = 8;
        var data = TeacherStudent.Generate2D(77, new TeacherStudentOptions { TeacherWidth = width, Samples = 20 });
        var rng = new Rng(77);
        var u = Enumerable.Range(0, width).Select(_ => rng.Normal()).ToArray();
        var v = Enumerable.Range(0, width).Select(_ => 0.6 * rng.Normal()).ToArray();
        var x = Enumerable.Range(0, 20).Select(_ => (float)(2 * rng.Normal())).ToArray();
        Assert.Equal(u, data.Teacher.U.ToArray());
        Assert.Equal(v, data.Teacher.V.ToArray());
        Assert.Equal(x, data.All.Inputs.Data);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TeacherStudent.Generate2D(1, new TeacherStudentOptions { Samples = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TeacherStudent.Generate3D(1, new TeacherStudentOptions { TeacherWidth = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TeacherStudent.Generate3D(1, new TeacherStudentOptions { TrainFraction = 2 }));
    }

    private static double[] Column(float[] data, int width, int column) =>
        Enumerable.Range(0, data.Length / width).Select(i => (double)data[i * width + column]).ToArray();

    private static double Mean(double[] x) => x.Average();

    private static double Variance(double[] x) => Covariance(x, x);

    private static double Covariance(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        return x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / (x.Length - 1);
    }
}
