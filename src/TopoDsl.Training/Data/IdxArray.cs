namespace TopoDsl.Training.Data;

/// <summary>The content of an unsigned-byte IDX file: its dimensions and its values, row-major.</summary>
public sealed record IdxArray(string File, int Magic, int[] Dimensions, byte[] Values);
