namespace TopoDsl.Experiments.Running;

/// <summary>An experiment cannot run as declared or asked: the message says what and where, for one line on standard error.</summary>
public sealed class ExperimentException(string message) : Exception(message);
