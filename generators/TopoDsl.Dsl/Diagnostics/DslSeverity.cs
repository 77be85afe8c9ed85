namespace TopoDsl.Dsl;

public enum DslSeverity { Error, Warning, Info }
