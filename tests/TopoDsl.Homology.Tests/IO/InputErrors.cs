using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

internal static class InputErrors
{
    /// <summary>Asserts that reading fails with an <see cref="InputFormatException"/> at the given file and line.</summary>
    public static InputFormatException AssertFails(Action read, string file, int? line, params string[] fragments)
    {
        var error = Assert.Throws<InputFormatException>(read);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        foreach (var fragment in fragments) Assert.Contains(fragment, error.Problem);
        return error;
    }
}
