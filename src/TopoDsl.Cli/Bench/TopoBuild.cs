namespace TopoDsl.Cli.Bench;

/// <summary>
/// How this topo was compiled, which a benchmark must say: the JIT's start-up and runtime cost time and memory that the
/// native build does not. <c>RuntimeFeature.IsDynamicCodeSupported</c> cannot tell: <c>PublishAot</c> writes it as false
/// into the JIT build's runtimeconfig.json too, so that the JIT build behaves as the native one would. The JIT's own count
/// can: by the time a benchmark reports, the JIT has compiled methods, and native code has no JIT.
/// </summary>
internal static class TopoBuild
{
    public static bool IsNative => System.Runtime.JitInfo.GetCompiledMethodCount() == 0;

    /// <summary>"native-aot" or "jit", as the benchmarks' JSON records it.</summary>
    public static string Name => IsNative ? "native-aot" : "jit";
}
