namespace TopoDsl.Generators.Tests.Oracles;

/// <summary>A theory that needs python3-torch under /usr/bin/python3: TestSupport's TorchFact, as a theory.</summary>
public sealed class TorchTheoryAttribute : TheoryAttribute
{
    public TorchTheoryAttribute()
    {
        if (!OracleTools.HasTorch && !OracleTools.Required)
            Skip = "oracle missing: install Debian's python3-torch and libopenblas0-pthread to run this test";
    }
}
