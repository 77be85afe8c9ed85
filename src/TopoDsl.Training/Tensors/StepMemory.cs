namespace TopoDsl.Training.Tensors;

/// <summary>
/// Recycles the storage of tensors computed during a training step. Inside a scope, operations take their
/// output buffers from a per-thread pool, and the scope's end returns them all; the next step, which computes
/// the same shapes, finds them mapped and warm in cache. Fresh large arrays cost more than the arithmetic on
/// them: every new page is a fault that the kernel fills with zeros.
/// </summary>
/// <remarks>
/// A tensor computed inside the scope must not be read after it ends: its values belong to the next step.
/// Clone() what you keep (Clone always allocates anew). Parameters, their gradients and tensors made with the
/// public constructors are never pooled.
/// </remarks>
public sealed class StepMemory : IDisposable
{
    [ThreadStatic] private static Pool? _pool;
    [ThreadStatic] private static int _depth;

    private readonly int _mark;
    private bool _disposed;

    private StepMemory(int mark) => _mark = mark;

    public static StepMemory Begin()
    {
        var pool = _pool ??= new Pool();
        _depth++;
        return new StepMemory(pool.Lent.Count);
    }

    public static bool IsActive => _depth > 0;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _depth--;
        _pool!.Return(_mark);
    }

    /// <summary>A buffer of exactly <paramref name="count"/> floats with unspecified contents.</summary>
    internal static float[] Rent(int count)
    {
        if (_depth == 0 || count < MinimumPooledLength) return GC.AllocateUninitializedArray<float>(count);
        return _pool!.Rent(count);
    }

    /// <summary>As <see cref="Rent"/>, filled with zeros.</summary>
    internal static float[] RentZeroed(int count)
    {
        if (_depth == 0 || count < MinimumPooledLength) return new float[count];
        var buffer = _pool!.Rent(count);
        Array.Clear(buffer);
        return buffer;
    }

    // Small arrays are cheap for the garbage collector; pooling them would only cost dictionary look-ups.
    private const int MinimumPooledLength = 1024;

    private sealed class Pool
    {
        private readonly Dictionary<int, Stack<float[]>> _free = [];
        public readonly List<float[]> Lent = [];

        public float[] Rent(int count)
        {
            var buffer = _free.TryGetValue(count, out var stack) && stack.Count > 0 ? stack.Pop() : GC.AllocateUninitializedArray<float>(count);
            Lent.Add(buffer);
            return buffer;
        }

        public void Return(int mark)
        {
            for (int i = mark; i < Lent.Count; i++)
            {
                var buffer = Lent[i];
                if (!_free.TryGetValue(buffer.Length, out var stack)) _free[buffer.Length] = stack = new Stack<float[]>();
                stack.Push(buffer);
            }
            Lent.RemoveRange(mark, Lent.Count - mark);
        }
    }
}
