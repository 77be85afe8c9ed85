namespace TopoDsl.Training.Tests.Oracles;

/// <summary>The python side of the torch oracle failed; the message carries python's stderr.</summary>
public sealed class TorchOracleException(string message) : Exception(message);
