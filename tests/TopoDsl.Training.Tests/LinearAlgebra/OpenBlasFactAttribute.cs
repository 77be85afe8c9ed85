using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

internal static class OpenBlasOracle
{
    public const string SkipReason =
        "oracle missing: libopenblas.so.0 did not load; install Debian's libopenblas0-pthread to run this test";

    /// <summary>Null when the OpenBLAS tests may run (library present, or required so that they fail loudly).</summary>
    public static string? Skip => Gemm.OpenBlasAvailable || OracleTools.Required ? null : SkipReason;
}

/// <summary>A fact that needs libopenblas.so.0; skipped with a visible reason when it is missing, unless TOPODSL_REQUIRE_ORACLES=1.</summary>
public sealed class OpenBlasFactAttribute : FactAttribute
{
    public OpenBlasFactAttribute()
    {
        if (OpenBlasOracle.Skip is string reason) Skip = reason;
    }
}

/// <summary>A theory that needs libopenblas.so.0; skipped with a visible reason when it is missing, unless TOPODSL_REQUIRE_ORACLES=1.</summary>
public sealed class OpenBlasTheoryAttribute : TheoryAttribute
{
    public OpenBlasTheoryAttribute()
    {
        if (OpenBlasOracle.Skip is string reason) Skip = reason;
    }
}

