using System.Runtime.CompilerServices;

namespace TopoDsl.Dsl;

// netstandard2.0 has no ReferenceEqualityComparer; the model's records compare by value, annotations key by node identity.
internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
