namespace TopoDsl.Dsl.Syntax;

/// <summary>Abandons the current line after its first syntax error has been reported (panic-mode recovery to the line end).</summary>
internal sealed class SyntaxError : Exception;
