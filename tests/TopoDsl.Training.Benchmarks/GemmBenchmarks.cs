using BenchmarkDotNet.Attributes;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Benchmarks;

/// <summary>Managed against OpenBLAS on each product of an MLP training step, at 1 and 2 threads.</summary>
public class GemmBenchmarks
{
    private GemmOperands _operands = null!;

    public static IEnumerable<GemmShape> Shapes => GemmShape.MlpStep;

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = GemmShape.MlpStep[0];

    [Params(GemmBackend.Managed, GemmBackend.OpenBlas)]
    public GemmBackend Backend { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (Backend == GemmBackend.OpenBlas && !Gemm.OpenBlasAvailable)
            throw new InvalidOperationException("libopenblas.so.0 is not installed");
        Gemm.Backend = Backend;
        Gemm.Threads = Threads;
        _operands = new GemmOperands(Shape);
    }

    [Benchmark]
    public void Multiply() => _operands.Multiply();
}
