using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>
/// NaN in a maximum, as PyTorch has it: torch.max(dim) and F.max_pool2d return NaN for any window that holds one,
/// and send the gradient to a NaN's position (max: the first NaN; max_pool2d's CPU kernel: the last), and only there.
/// </summary>
public class MaxNaNTests
{
    public static TheoryData<int, int> WindowPositions()
    {
        var data = new TheoryData<int, int>();
        foreach (int kernel in new[] { 2, 3 })
            for (int position = 0; position < kernel * kernel; position++) data.Add(kernel, position);
        return data;
    }

    [Theory]
    [MemberData(nameof(WindowPositions))]
    public void Max_pooling_a_window_with_NaN_anywhere_gives_NaN_and_the_gradient_goes_to_the_NaN(int kernel, int position)
    {
        // Increasing values: without the NaN the maximum would be the last position.
        var x = Window(kernel, position);

        var y = x.MaxPool2d(kernel);
        y.Sum().Backward();

        Assert.True(float.IsNaN(y.ToScalar()), $"max of a window with NaN at {position} is {y.ToScalar()}");
        Assert.Equal(OneHot(kernel * kernel, position), x.Grad!.Data);
    }

    [Theory]
    [MemberData(nameof(WindowPositions))]
    public void A_NaN_gradient_reaches_only_the_NaN_position(int kernel, int position)
    {
        var x = Window(kernel, position);

        var y = x.MaxPool2d(kernel);
        (y * y).Sum().Backward(); // the upstream gradient 2y is NaN, as in any network fed a NaN

        for (int k = 0; k < kernel * kernel; k++)
            Assert.True(k == position ? float.IsNaN(x.Grad!.Data[k]) : x.Grad!.Data[k] == 0,
                $"gradient {x.Grad!.Data[k]} at {k}, NaN at {position}");
    }

    [Fact]
    public void With_two_NaNs_max_pooling_takes_the_last_and_max_the_first_as_PyTorch_does()
    {
        var pooled = new Tensor([1f, float.NaN, 5f, float.NaN], 1, 1, 2, 2) { RequiresGrad = true };
        pooled.MaxPool2d(2).Sum().Backward();
        Assert.Equal([0f, 0f, 0f, 1f], pooled.Grad!.Data);

        var row = new Tensor([1f, float.NaN, 5f, float.NaN], 1, 4) { RequiresGrad = true };
        var max = row.Max(1);
        max.Sum().Backward();
        Assert.True(float.IsNaN(max.ToScalar()));
        Assert.Equal([0f, 1f, 0f, 0f], row.Grad!.Data);
    }

    [Fact]
    public void Overlapping_windows_are_NaN_exactly_where_they_cover_the_NaN()
    {
        var x = new Tensor(Enumerable.Range(0, 16).Select(i => (float)((i * 7) % 16)).ToArray(), 1, 1, 4, 4);
        x.Data[5] = float.NaN; // row 1, column 1

        var y = x.MaxPool2d(2, stride: 1);

        for (int oy = 0; oy < 3; oy++)
            for (int ox = 0; ox < 3; ox++)
            {
                bool covers = oy <= 1 && ox <= 1;
                float expected = covers ? float.NaN
                    : new[] { x[0, 0, oy, ox], x[0, 0, oy, ox + 1], x[0, 0, oy + 1, ox], x[0, 0, oy + 1, ox + 1] }.Max();
                Assert.Equal(expected, y[0, 0, oy, ox]);
            }
    }

    [Fact]
    public void Ties_and_minus_infinity_go_to_the_first_position()
    {
        var ties = new Tensor([3f, 5f, 5f, 2f], 1, 1, 2, 2) { RequiresGrad = true };
        ties.MaxPool2d(2).Sum().Backward();
        Assert.Equal([0f, 1f, 0f, 0f], ties.Grad!.Data);

        var infinite = new Tensor([float.NegativeInfinity, float.NegativeInfinity], 1, 2) { RequiresGrad = true };
        infinite.Max(1).Sum().Backward();
        Assert.Equal([1f, 0f], infinite.Grad!.Data);
    }

    private static Tensor Window(int kernel, int nanAt)
    {
        var values = Enumerable.Range(0, kernel * kernel).Select(i => (float)i).ToArray();
        values[nanAt] = float.NaN;
        return new Tensor(values, 1, 1, kernel, kernel) { RequiresGrad = true };
    }

    private static float[] OneHot(int length, int at)
    {
        var v = new float[length];
        v[at] = 1;
        return v;
    }
}
