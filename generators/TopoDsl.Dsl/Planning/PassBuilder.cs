namespace TopoDsl.Dsl.Planning;

/// <summary>An element pass while the planner fills it: its steps and what later work must wait for.</summary>
internal sealed class PassBuilder(int id)
{
    public int Id { get; } = id;

    public List<PassStep> Steps { get; } = [];

    /// <summary>Reductions and buffers this pass produces: readable only after it ends.</summary>
    public HashSet<int> PendingReductions { get; } = [];

    public HashSet<int> PendingBuffers { get; } = [];

    public HashSet<int> WrittenStates { get; } = [];

    public bool WritesParameter { get; set; }

    /// <summary>Locals defined here that a later pass or a matrix form reads: stored to these buffers.</summary>
    public Dictionary<int, int> LocalBuffers { get; } = [];

    public ElementPass Freeze(int id) => new(id, Steps.Select(ApplyBuffers).ToEquatableArray(), Vectorization.IsVectorizable(Steps));

    private PassStep ApplyBuffers(PassStep step) =>
        step is DefineLocalStep local && LocalBuffers.TryGetValue(local.Local, out int buffer) ? local with { Buffer = buffer } : step;
}
