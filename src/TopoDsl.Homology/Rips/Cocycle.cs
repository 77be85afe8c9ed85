using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Rips;

/// <summary>One simplex of a representative cocycle with its coefficient in Z/p (1..p-1).</summary>
public readonly record struct CocycleEntry(int[] Vertices, int Coefficient);

/// <summary>A representative cocycle of a finite bar of dimension <see cref="Dimension"/>.</summary>
public sealed record Cocycle(int Dimension, PersistenceInterval Bar, IReadOnlyList<CocycleEntry> Entries);
