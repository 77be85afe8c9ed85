namespace TopoDsl.Dsl.Planning;

/// <summary>How often a value changes: once per Step, once per parameter slot (after a reduction), or per entry.</summary>
internal enum Level { Step, Slot, Element }
