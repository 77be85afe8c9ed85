namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that init-only setters (and so records) need.
internal static class IsExternalInit;
