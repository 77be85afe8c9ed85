using System.Runtime.InteropServices;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// A temporary folder through which topo hands a PyTorch script its inputs as raw little-endian arrays (numpy's
/// <c>fromfile</c> reads them); deleted when disposed.
/// </summary>
internal sealed class ExchangeFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("topo-bench-").FullName;

    public void Write<T>(string name, T[] values) where T : struct =>
        File.WriteAllBytes(System.IO.Path.Combine(Path, name), MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
