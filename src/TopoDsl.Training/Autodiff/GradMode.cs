namespace TopoDsl.Training.Autodiff;

/// <summary>Whether operations record the graph; <see cref="Disable"/> turns recording off for a scope (evaluation, optimizer steps).</summary>
public static class GradMode
{
    [ThreadStatic] private static int _disabledDepth;

    public static bool IsEnabled => _disabledDepth == 0;

    /// <summary>Until the returned scope is disposed, operations on this thread record no graph.</summary>
    public static Scope Disable()
    {
        _disabledDepth++;
        return new Scope();
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => _disabledDepth--;
    }
}
