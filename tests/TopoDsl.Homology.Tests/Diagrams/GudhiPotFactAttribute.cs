
namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// A fact that needs python3-gudhi and python3-pot (Python Optimal Transport) under /usr/bin/python3:
/// gudhi.wasserstein solves the exact transport problem with POT.
/// </summary>
public sealed class GudhiPotFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available =
        new(() => OracleTools.HasGudhi && OracleTools.PythonCanImport("ot"));

    public GudhiPotFactAttribute()
    {
        if (!Available.Value && !OracleTools.Required)
            Skip = "oracle missing: install Debian's python3-gudhi and python3-pot to run this test";
    }
}
