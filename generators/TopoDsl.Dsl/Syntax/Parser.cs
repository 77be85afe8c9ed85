namespace TopoDsl.Dsl.Syntax;

/// <summary>
/// Recursive descent over one line at a time. A syntax error is reported and the rest of its line skipped, so
/// every bad line gets its own diagnostic and the good lines still reach the analysis.
/// Precedence, loosest first: comparison (one, unchained), + -, * / @, unary -, ^ (right-associative, so
/// -x^2 = -(x^2) and a^b^c = a^(b^c)), subscripts, atoms.
/// </summary>
internal sealed class Parser
{
    public const int MaxDepth = 64;

    /// <summary>Binary operators per line: bounds the depth of left-nested trees, which later phases walk recursively.</summary>
    public const int MaxOperators = 512;

    private readonly IReadOnlyList<Token> _tokens;
    private readonly DiagnosticBag _diagnostics;
    private readonly int _lineStart;
    private readonly int _lineEnd;
    private int _position;
    private int _depth;
    private int _operators;

    private Parser(IReadOnlyList<Token> tokens, DiagnosticBag diagnostics, int lineStart, int lineEnd)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
        _lineStart = lineStart;
        _lineEnd = lineEnd;
        _position = lineStart;
    }

    public static IReadOnlyList<Statement> Parse(string text, DiagnosticBag diagnostics)
    {
        var tokens = Lexer.Tokenize(text);
        var statements = new List<Statement>();
        for (int start = 0; start < tokens.Count;)
        {
            int end = start;
            while (!tokens[end].EndsLine) end++;
            if (end > start && new Parser(tokens, diagnostics, start, end).ParseLine() is { } statement)
                statements.Add(statement);
            start = end + 1;
        }
        return statements;
    }

    private Token Current => _tokens[_position];

    private Token Previous => _tokens[Math.Max(_lineStart, _position - 1)];

    private bool AtLineEnd => _position >= _lineEnd;

    private TextSpan LineSpan => TextSpan.FromBounds(_tokens[_lineStart].Span.Start, _tokens[_lineEnd - 1].Span.End);

    private Statement? ParseLine()
    {
        bool declaresState = Current.Kind == TokenKind.Identifier && Current.Text == "state"
            && _position + 1 < _lineEnd && _tokens[_position + 1].Kind == TokenKind.Identifier;
        if (declaresState) _position++;
        if (Current.Kind != TokenKind.Identifier || _position + 1 >= _lineEnd || !IsAssignment(_tokens[_position + 1].Kind))
        {
            ReportMalformedLine();
            return null;
        }
        var target = Current;
        var assignment = _tokens[_position + 1];
        _position += 2;
        if (declaresState && assignment.Kind != TokenKind.Assign)
        {
            _diagnostics.Report(DiagnosticCatalog.UnexpectedToken, assignment.Span, ": a state is declared with `=`");
            return new Statement(LineSpan, true, target.Text, target.Span, AssignmentKind.Set, null);
        }
        var kind = assignment.Kind switch
        {
            TokenKind.PlusAssign => AssignmentKind.Add,
            TokenKind.MinusAssign => AssignmentKind.Subtract,
            _ => AssignmentKind.Set,
        };
        return new Statement(LineSpan, declaresState, target.Text, target.Span, kind, ParseValue());
    }

    private Expr? ParseValue()
    {
        try
        {
            var value = ParseExpression();
            if (AtLineEnd) return value;
            if (Current.Kind == TokenKind.CloseParen)
                _diagnostics.Report(DiagnosticCatalog.UnbalancedParentheses, Current.Span, "has no matching `(`");
            else if (Current.Kind == TokenKind.Bad)
                ReportBad(Current);
            else
                _diagnostics.Report(DiagnosticCatalog.TrailingText, TextSpan.FromBounds(Current.Span.Start, _tokens[_lineEnd - 1].Span.End));
            return null;
        }
        catch (SyntaxError)
        {
            return null;
        }
    }

    private void ReportMalformedLine()
    {
        for (int i = _lineStart; i < _lineEnd; i++)
            if (_tokens[i].Kind == TokenKind.Bad)
            {
                ReportBad(_tokens[i]);
                return;
            }
        _diagnostics.Report(DiagnosticCatalog.MalformedStatement, LineSpan);
    }

    private Expr ParseExpression()
    {
        Enter();
        var left = ParseAdditive();
        if (!AtLineEnd && CompareOperatorOf(Current.Kind) is { } compare)
        {
            _position++;
            var right = ParseAdditive();
            if (!AtLineEnd && CompareOperatorOf(Current.Kind) is not null)
                throw Fail(DiagnosticCatalog.UnexpectedToken, Current.Span, ": comparisons cannot be chained");
            left = new CompareExpr(left.Span.Cover(right.Span), compare, left, right);
        }
        _depth--;
        return left;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (!AtLineEnd && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Current.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            CountOperator();
            _position++;
            var right = ParseMultiplicative();
            left = new BinaryExpr(left.Span.Cover(right.Span), op, left, right);
        }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (!AtLineEnd && Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.At)
        {
            var op = Current.Kind switch { TokenKind.Star => BinaryOperator.Multiply, TokenKind.Slash => BinaryOperator.Divide, _ => BinaryOperator.MatMul };
            CountOperator();
            _position++;
            var right = ParseUnary();
            left = new BinaryExpr(left.Span.Cover(right.Span), op, left, right);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (AtLineEnd || Current.Kind is not (TokenKind.Minus or TokenKind.Plus)) return ParsePower();
        var sign = Current;
        _position++;
        Enter();
        var operand = ParseUnary();
        _depth--;
        return sign.Kind == TokenKind.Plus ? operand : new NegateExpr(sign.Span.Cover(operand.Span), operand);
    }

    private Expr ParsePower()
    {
        var left = ParsePostfix();
        if (AtLineEnd || Current.Kind != TokenKind.Caret) return left;
        _position++;
        Enter();
        var exponent = ParseUnary();
        _depth--;
        return new BinaryExpr(left.Span.Cover(exponent.Span), BinaryOperator.Power, left, exponent);
    }

    private Expr ParsePostfix()
    {
        var target = ParsePrimary();
        while (!AtLineEnd && Current.Kind == TokenKind.OpenBracket)
        {
            var open = Current;
            _position++;
            var index = ParseExpression();
            if (AtLineEnd || Current.Kind != TokenKind.CloseBracket)
                throw Fail(DiagnosticCatalog.UnbalancedParentheses, open.Span, "has no matching `]`");
            target = new SubscriptExpr(target.Span.Cover(Current.Span), target, index);
            _position++;
        }
        return target;
    }

    private Expr ParsePrimary()
    {
        if (AtLineEnd || EndsOperand(Current.Kind))
        {
            string found = AtLineEnd ? " at the end of the line" : $", found `{Current.Text}`";
            throw Fail(DiagnosticCatalog.MissingOperand, Previous.Span, found);
        }
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _position++;
                return new NumberExpr(token.Span, token.Value);
            case TokenKind.Identifier when _position + 1 < _lineEnd && _tokens[_position + 1].Kind == TokenKind.OpenParen:
                return ParseCall();
            case TokenKind.Identifier:
                _position++;
                return new NameExpr(token.Span, token.Text);
            case TokenKind.OpenParen:
                _position++;
                var inner = ParseExpression();
                if (AtLineEnd || Current.Kind != TokenKind.CloseParen)
                    throw Unclosed(token);
                var close = Current;
                _position++;
                return inner with { Span = token.Span.Cover(close.Span) };
            case TokenKind.Bad:
                ReportBad(token);
                throw new SyntaxError();
            default:
                throw Fail(DiagnosticCatalog.UnexpectedToken, token.Span, "");
        }
    }

    private Expr ParseCall()
    {
        var name = Current;
        var open = _tokens[_position + 1];
        _position += 2;
        var arguments = new List<Expr>();
        if (!AtLineEnd && Current.Kind == TokenKind.CloseParen)
        {
            _position++;
            return new CallExpr(name.Span.Cover(Previous.Span), name.Text, name.Span, EquatableArray<Expr>.Empty);
        }
        while (true)
        {
            arguments.Add(ParseExpression());
            if (AtLineEnd) throw Unclosed(open);
            if (Current.Kind == TokenKind.CloseParen) break;
            if (Current.Kind != TokenKind.Comma)
                throw Fail(DiagnosticCatalog.UnexpectedToken, Current.Span, $" in the arguments of `{name.Text}`: expected `,` or `)`");
            _position++;
        }
        var close = Current;
        _position++;
        return new CallExpr(name.Span.Cover(close.Span), name.Text, name.Span, arguments.ToEquatableArray());
    }

    private SyntaxError Unclosed(Token open) => Fail(DiagnosticCatalog.UnbalancedParentheses, open.Span, "has no matching `)`");

    private void ReportBad(Token token)
    {
        string detail = char.IsDigit(token.Text[0]) || token.Text[0] == '.' ? ": a malformed number" : "";
        _diagnostics.Report(DiagnosticCatalog.UnexpectedToken, token.Span, detail);
    }

    private void CountOperator()
    {
        if (++_operators > MaxOperators)
            throw Fail(DiagnosticCatalog.NestedTooDeeply, Current.Span, MaxOperators);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
            throw Fail(DiagnosticCatalog.NestedTooDeeply, AtLineEnd ? Previous.Span : Current.Span, MaxDepth);
    }

    private SyntaxError Fail(DiagnosticDescriptor descriptor, TextSpan span, params object[] details)
    {
        _diagnostics.Report(descriptor, span, details);
        return new SyntaxError();
    }

    private static bool IsAssignment(TokenKind kind) => kind is TokenKind.Assign or TokenKind.PlusAssign or TokenKind.MinusAssign;

    /// <summary>Tokens that cannot start an operand: seeing one where an operand belongs means the operand is missing.</summary>
    private static bool EndsOperand(TokenKind kind) => kind is TokenKind.CloseParen or TokenKind.CloseBracket or TokenKind.Comma
        or TokenKind.Star or TokenKind.Slash or TokenKind.Caret or TokenKind.At or TokenKind.Assign or TokenKind.PlusAssign
        or TokenKind.MinusAssign || CompareOperatorOf(kind) is not null;

    private static CompareOperator? CompareOperatorOf(TokenKind kind) => kind switch
    {
        TokenKind.Less => CompareOperator.Less,
        TokenKind.LessEqual => CompareOperator.LessEqual,
        TokenKind.Greater => CompareOperator.Greater,
        TokenKind.GreaterEqual => CompareOperator.GreaterEqual,
        TokenKind.EqualEqual => CompareOperator.Equal,
        TokenKind.NotEqual => CompareOperator.NotEqual,
        _ => null,
    };
}
