namespace TopoDsl.Dsl.Syntax;

public enum BinaryOperator { Add, Subtract, Multiply, Divide, Power, MatMul }

public enum CompareOperator { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual }

/// <summary>How a statement writes its target: <c>=</c>, <c>+=</c> or <c>-=</c>.</summary>
public enum AssignmentKind { Set, Add, Subtract }
