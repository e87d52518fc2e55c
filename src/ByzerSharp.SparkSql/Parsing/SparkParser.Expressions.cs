using System.Globalization;
using System.Numerics;
using System.Text;
using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Lexing;
using ByzerSharp.SparkSql.Types;

namespace ByzerSharp.SparkSql.Parsing;

/// <summary>Expressions: a Pratt parser with Spark's operator precedence (SqlBaseParser's valueExpression).</summary>
public sealed partial class SparkParser
{
    // Binding powers, lowest first, as in SqlBaseParser: OR < AND < NOT < comparison < | < ^ < & < + - || < * / % div < unary.
    private const int PrecOr = 1, PrecAnd = 2, PrecNot = 3, PrecCompare = 4, PrecBitOr = 5, PrecXor = 6, PrecBitAnd = 7, PrecAdd = 8, PrecMul = 9, PrecUnary = 10;

    public Expr ParseExpression(int minPrec = 0)
    {
        var left = ParsePrefix();
        while (true)
        {
            var t = _ts.Current;
            var start = left.Pos.Start;
            if (t.Is("or") && minPrec < PrecOr)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), "OR", left, ParseExpression(PrecOr));
            }
            else if (t.Is("and") && minPrec < PrecAnd)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), "AND", left, ParseExpression(PrecAnd));
            }
            else if (minPrec < PrecCompare && ComparisonOp(t) is { } cmp)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), cmp, left, ParseExpression(PrecCompare));
            }
            else if (minPrec < PrecCompare && (t.Is("is") || t.Is("in") || t.Is("between") || t.Is("like") || t.Is("ilike") || t.Is("rlike") || t.Is("regexp")
                || (t.Is("not") && (_ts.Peek().Is("in") || _ts.Peek().Is("between") || _ts.Peek().Is("like") || _ts.Peek().Is("ilike") || _ts.Peek().Is("rlike") || _ts.Peek().Is("regexp")))))
            {
                left = ParsePredicate(left);
            }
            else if (t.IsOp("|") && minPrec < PrecBitOr)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), "|", left, ParseExpression(PrecBitOr));
            }
            else if (t.IsOp("^") && minPrec < PrecXor)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), "^", left, ParseExpression(PrecXor));
            }
            else if (t.IsOp("&") && minPrec < PrecBitAnd)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), "&", left, ParseExpression(PrecBitAnd));
            }
            else if ((t.IsOp("+") || t.IsOp("-") || t.IsOp("||")) && minPrec < PrecAdd)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), t.Text, left, ParseExpression(PrecAdd));
            }
            else if ((t.IsOp("*") || t.IsOp("/") || t.IsOp("%") || t.Is("div")) && minPrec < PrecMul)
            {
                _ts.Next();
                left = new Binary(_ts.From(start), t.Kind == TokenKind.Operator ? t.Text : "div", left, ParseExpression(PrecMul));
            }
            else if (t.IsOp("::"))
            {
                _ts.Next();
                left = new Cast(_ts.From(start), left, ParseType());
            }
            else
            {
                return left;
            }
        }
    }

    private static string? ComparisonOp(Token t) => t.Kind != TokenKind.Operator ? null : t.Text switch
    {
        "=" or "==" => "=",
        "<>" or "!=" => "<>",
        "<" or "<=" or ">" or ">=" or "<=>" => t.Text,
        _ => null,
    };

    private Expr ParsePredicate(Expr left)
    {
        var start = left.Pos.Start;
        if (_ts.Accept("is"))
        {
            var not = _ts.Accept("not");
            if (_ts.Accept("null"))
            {
                return new IsNull(_ts.From(start), left, not);
            }
            if (_ts.Accept("distinct"))
            {
                _ts.Expect("from");
                return new IsPredicate(_ts.From(start), left, "DISTINCT", not, ParseExpression(PrecCompare));
            }
            foreach (var what in new[] { "true", "false", "unknown" })
            {
                if (_ts.Accept(what))
                {
                    return new IsPredicate(_ts.From(start), left, what.ToUpperInvariant(), not);
                }
            }
            throw _ts.Error($"expected NULL, TRUE, FALSE or DISTINCT FROM after IS but found {_ts.Current}");
        }
        var negated = _ts.Accept("not");
        if (_ts.Accept("in"))
        {
            _ts.ExpectOp("(");
            if (StartsQuery())
            {
                var q = ParseQuery();
                _ts.ExpectOp(")");
                return new InSubquery(_ts.From(start), left, q, negated);
            }
            var values = ParseExpressionList();
            _ts.ExpectOp(")");
            return new InList(_ts.From(start), left, values, negated);
        }
        if (_ts.Accept("between"))
        {
            var low = ParseExpression(PrecCompare);
            _ts.Expect("and");
            var high = ParseExpression(PrecCompare);
            return new Between(_ts.From(start), left, low, high, negated);
        }
        var op = _ts.Next().Text.ToUpperInvariant();
        if (op == "REGEXP")
        {
            op = "RLIKE";
        }
        if (op != "RLIKE" && (_ts.Current.Is("any") || _ts.Current.Is("all") || _ts.Current.Is("some")))
        {
            var quantifier = _ts.Next().Text.ToUpperInvariant();
            _ts.ExpectOp("(");
            var patterns = ParseExpressionList();
            _ts.ExpectOp(")");
            return new Like(_ts.From(start), op, left, patterns, negated, null, quantifier == "SOME" ? "ANY" : quantifier);
        }
        var pattern = ParseExpression(PrecCompare);
        Expr? escape = null;
        if (_ts.Accept("escape"))
        {
            escape = ParsePrefix();
        }
        return new Like(_ts.From(start), op, left, [pattern], negated, escape);
    }

    private List<Expr> ParseExpressionList()
    {
        var list = new List<Expr> { ParseExpression() };
        while (_ts.AcceptOp(","))
        {
            list.Add(ParseExpression());
        }
        return list;
    }

    private Expr ParsePrefix()
    {
        var t = _ts.Current;
        var start = t.Start;
        if (t.Is("not") || t.IsOp("!"))
        {
            _ts.Next();
            return new Unary(_ts.From(start), "NOT", ParseExpression(PrecNot));
        }
        if (t.IsOp("-") || t.IsOp("+") || t.IsOp("~"))
        {
            _ts.Next();
            var operand = ParseExpression(PrecUnary);
            // -1 is one literal in Spark (its generated name is `-1`, not `(- 1)`).
            if (t.Text == "-" && operand is Literal { Kind: LiteralKind.Integer or LiteralKind.Decimal or LiteralKind.Double or LiteralKind.Float } lit && !lit.Value.StartsWith('-'))
            {
                // -2147483648 is Spark's int minimum (the grammar reads the sign as part of the number).
                var type = lit.Kind == LiteralKind.Integer && lit.Value == "2147483648" && lit.Type.Kind == TypeKind.Long
                    && char.IsAsciiDigit(_ts.Previous.Text[^1]) ? SparkType.Int : lit.Type;
                return MakeNumber("-" + lit.Value, type, _ts.From(start));
            }
            return new Unary(_ts.From(start), t.Text, operand);
        }
        return ParsePostfix(ParsePrimary());
    }

    private static Literal MakeNumber(string value, SparkType type, Pos pos) => new(pos, type.Kind switch
    {
        TypeKind.Double => LiteralKind.Double,
        TypeKind.Float => LiteralKind.Float,
        TypeKind.Decimal => LiteralKind.Decimal,
        _ => LiteralKind.Integer,
    }, value, type);

    private Expr ParsePostfix(Expr expr)
    {
        while (true)
        {
            if (_ts.AcceptOp("["))
            {
                var index = ParseExpression();
                _ts.ExpectOp("]");
                expr = new Subscript(_ts.From(expr.Pos.Start), expr, index);
            }
            else if (_ts.Current.IsOp(".") && _ts.Peek().IsName)
            {
                _ts.Next();
                var field = _ts.Next().Text;
                expr = expr is ColumnRef c ? new ColumnRef(_ts.From(expr.Pos.Start), [.. c.Parts, field]) : new FieldAccess(_ts.From(expr.Pos.Start), expr, field);
            }
            else if (_ts.Current.IsOp(".") && _ts.Peek().IsOp("*") && expr is ColumnRef q && q.Parts.Count == 1)
            {
                _ts.Next();
                _ts.Next();
                expr = new Star(_ts.From(expr.Pos.Start), q.Parts[0]);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var t = _ts.Current;
        var start = t.Start;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _ts.Next();
                return NumberLiteral(t);
            case TokenKind.String:
                {
                    // Adjacent string literals are one literal: 'a' 'b' is 'ab'.
                    var sb = new StringBuilder(_ts.Next().Text);
                    while (_ts.Current.Kind == TokenKind.String)
                    {
                        sb.Append(_ts.Next().Text);
                    }
                    return new Literal(_ts.From(start), LiteralKind.String, sb.ToString(), SparkType.String);
                }
            case TokenKind.Binary:
                _ts.Next();
                return new Literal(_ts.From(start), LiteralKind.Binary, t.Text.ToUpperInvariant(), SparkType.Binary);
            case TokenKind.Operator when t.Text == "*":
                _ts.Next();
                return new Star(_ts.From(start), null);
            case TokenKind.Operator when t.Text == "(":
                return ParseParenthesized();
            case TokenKind.QuotedIdentifier:
                return ParseNameOrCall();
            case TokenKind.Identifier:
                break;
            default:
                throw _ts.Error($"expected an expression but found {t}");
        }
        var word = t.Text.ToLowerInvariant();
        if (Reserved.Contains(word) && !_ts.Peek().IsOp("(") && word is not ("left" or "right"))
        {
            throw _ts.Error($"expected an expression but found {t}", "quote a column with this name in backquotes");
        }
        var nextIsString = _ts.Peek().Kind == TokenKind.String;
        switch (word)
        {
            case "null":
                _ts.Next();
                return new Literal(_ts.From(start), LiteralKind.Null, "NULL", SparkType.Null);
            case "true" or "false":
                _ts.Next();
                return new Literal(_ts.From(start), LiteralKind.Boolean, word, SparkType.Boolean);
            case "case":
                return ParseCase();
            case "cast" or "try_cast" when _ts.Peek().IsOp("("):
                {
                    _ts.Next();
                    _ts.ExpectOp("(");
                    var operand = ParseExpression();
                    _ts.Expect("as");
                    var type = ParseType();
                    _ts.ExpectOp(")");
                    return new Cast(_ts.From(start), operand, type, word == "try_cast");
                }
            // EXISTS (subquery); exists(array, lambda) is the higher-order function.
            case "exists" when _ts.Peek().IsOp("(") && (_ts.Peek(2).Is("select") || _ts.Peek(2).Is("with") || _ts.Peek(2).IsOp("(")):
                {
                    _ts.Next();
                    _ts.ExpectOp("(");
                    var q = ParseQuery();
                    _ts.ExpectOp(")");
                    return new Exists(_ts.From(start), q, false);
                }
            case "interval":
                return ParseInterval();
            case "date" or "timestamp" or "timestamp_ntz" or "timestamp_ltz" when nextIsString:
                {
                    _ts.Next();
                    var value = _ts.Next().Text;
                    return word == "date"
                        ? new Literal(_ts.From(start), LiteralKind.Date, value, SparkType.Date)
                        : new Literal(_ts.From(start), LiteralKind.Timestamp, value, SparkType.Timestamp);
                }
            case "binary" or "x" when nextIsString:
                break;
            case "extract" when _ts.Peek().IsOp("("):
                {
                    _ts.Next();
                    _ts.ExpectOp("(");
                    var field = _ts.Next().Text;
                    _ts.Expect("from");
                    var source = ParseExpression();
                    _ts.ExpectOp(")");
                    return new Extract(_ts.From(start), field, source);
                }
            case "current_date" or "current_timestamp" or "current_user" when !_ts.Peek().IsOp("("):
                _ts.Next();
                return new FunctionCall(_ts.From(start), word, _ts.From(start), []);
        }
        return ParseNameOrCall();
    }

    private Expr ParseParenthesized()
    {
        var start = _ts.Current.Start;
        var mark = _ts.Mark;
        // A lambda with several parameters: (x, y) -> body.
        if (TryParseLambdaParams(out var names))
        {
            var body = ParseExpression();
            return new Lambda(_ts.From(start), names, body);
        }
        _ts.Reset(mark);
        _ts.ExpectOp("(");
        if (StartsQuery())
        {
            var q = ParseQuery();
            _ts.ExpectOp(")");
            return new ScalarSubquery(_ts.From(start), q);
        }
        var items = ParseExpressionList();
        _ts.ExpectOp(")");
        return items.Count == 1 ? items[0] : new RowValue(_ts.From(start), items);
    }

    private bool TryParseLambdaParams(out List<string> names)
    {
        names = [];
        if (!_ts.AcceptOp("("))
        {
            return false;
        }
        while (_ts.Current.IsName)
        {
            names.Add(_ts.Next().Text);
            if (!_ts.AcceptOp(","))
            {
                break;
            }
        }
        return names.Count > 0 && _ts.AcceptOp(")") && _ts.AcceptOp("->");
    }

    private Expr ParseNameOrCall()
    {
        var t = _ts.Next();
        var start = t.Start;
        if (_ts.Current.IsOp("->"))
        {
            _ts.Next();
            var body = ParseExpression();
            return new Lambda(_ts.From(start), [t.Text], body);
        }
        if (_ts.Current.IsOp("(") )
        {
            return ParseCall(t);
        }
        return new ColumnRef(_ts.From(start), [t.Text]);
    }

    private Expr ParseCall(Token nameToken)
    {
        var start = nameToken.Start;
        var name = nameToken.Text;
        var lower = name.ToLowerInvariant();
        _ts.ExpectOp("(");
        var args = new List<Expr>();
        var distinct = false;
        var countStar = false;
        if (_ts.Current.IsOp("*") && _ts.Peek().IsOp(")"))
        {
            _ts.Next();
            countStar = true;
        }
        else if (!_ts.Current.IsOp(")"))
        {
            if (_ts.Accept("distinct"))
            {
                distinct = true;
            }
            else
            {
                _ts.Accept("all");
            }
            if (lower is "trim" or "ltrim" or "rtrim" && ParseTrimForm(args))
            {
                // trim(BOTH 'x' FROM s) and friends.
            }
            else if (lower is "timestampadd" or "timestampdiff" && _ts.Current.Kind == TokenKind.Identifier && _ts.Peek().IsOp(","))
            {
                // timestampadd(HOUR, 8, ts): the unit is a keyword, passed on as its name.
                var unit = _ts.Next();
                args.Add(new Literal(_ts.From(unit.Start), LiteralKind.String, unit.Text, SparkType.String));
                while (_ts.AcceptOp(","))
                {
                    args.Add(ParseExpression());
                }
            }
            else
            {
                // position(sub IN s): the IN is the function's syntax, not a predicate.
                args.Add(lower == "position" ? ParseExpression(PrecCompare) : ParseExpression());
                if (lower == "position" && _ts.Accept("in"))
                {
                    args.Add(ParseExpression());
                }
                else if (lower == "overlay" && _ts.Accept("placing"))
                {
                    // overlay(input PLACING replace FROM pos [FOR len])
                    args.Add(ParseExpression());
                    _ts.Expect("from");
                    args.Add(ParseExpression());
                    if (_ts.Accept("for"))
                    {
                        args.Add(ParseExpression());
                    }
                }
                else if (lower is "substring" or "substr" && _ts.Accept("from"))
                {
                    args.Add(ParseExpression());
                    if (_ts.Accept("for"))
                    {
                        args.Add(ParseExpression());
                    }
                }
                while (_ts.AcceptOp(","))
                {
                    args.Add(ParseExpression());
                }
            }
        }
        _ts.ExpectOp(")");
        var ignoreNulls = false;
        if ((_ts.Current.Is("ignore") || _ts.Current.Is("respect")) && _ts.Peek().Is("nulls"))
        {
            ignoreNulls = _ts.Next().Is("ignore");
            _ts.Next();
        }
        Expr? filter = null;
        if (_ts.Current.Is("filter") && _ts.Peek().IsOp("("))
        {
            _ts.Next();
            _ts.ExpectOp("(");
            _ts.Expect("where");
            filter = ParseExpression();
            _ts.ExpectOp(")");
        }
        WindowSpec? over = null;
        if (_ts.Accept("over"))
        {
            over = _ts.Current.IsName && !_ts.Current.IsOp("(")
                ? new WindowSpec(new Pos(_ts.Current.Start, _ts.Current.Length), [], [], null, _ts.Next().Text)
                : ParseWindowSpec();
        }
        return new FunctionCall(_ts.From(start), name, new Pos(nameToken.Start, nameToken.Length), args, distinct, countStar, filter, over, ignoreNulls);
    }

    /// <summary>
    /// `trim([BOTH|LEADING|TRAILING] [chars] FROM s)` → args (s, [chars,] side marker). The marker
    /// is a string literal starting with NUL, which no SQL text can produce.
    /// </summary>
    private bool ParseTrimForm(List<Expr> args)
    {
        var mark = _ts.Mark;
        string? side = null;
        if (_ts.Current.Is("both") || _ts.Current.Is("leading") || _ts.Current.Is("trailing"))
        {
            side = _ts.Next().Text.ToUpperInvariant();
        }
        if (side is not null && _ts.Accept("from"))
        {
            args.Add(ParseExpression());
            args.Add(new Literal(default, LiteralKind.String, "\u0000" + side, SparkType.String));
            return true;
        }
        if (side is null && _ts.Current.Is("from"))
        {
            return false;
        }
        var chars = ParseExpression();
        if (!_ts.Accept("from"))
        {
            // trim(s) or trim(chars, s): an ordinary call.
            _ts.Reset(mark);
            return false;
        }
        args.Add(ParseExpression());
        args.Add(chars);
        args.Add(new Literal(default, LiteralKind.String, "\u0000" + (side ?? "BOTH"), SparkType.String));
        return true;
    }

    private WindowSpec ParseWindowSpec()
    {
        var start = _ts.Current.Start;
        _ts.ExpectOp("(");
        string? baseName = null;
        if (_ts.Current.IsName && !_ts.Current.Is("partition") && !_ts.Current.Is("order") && !_ts.Current.Is("distribute") && !_ts.Current.Is("sort")
            && !_ts.Current.Is("rows") && !_ts.Current.Is("range"))
        {
            baseName = _ts.Next().Text;
        }
        var partition = new List<Expr>();
        if ((_ts.Current.Is("partition") || _ts.Current.Is("distribute")) && _ts.Peek().Is("by"))
        {
            _ts.Next();
            _ts.Next();
            partition = ParseExpressionList();
        }
        var order = new List<SortItem>();
        if ((_ts.Current.Is("order") || _ts.Current.Is("sort")) && _ts.Peek().Is("by"))
        {
            _ts.Next();
            _ts.Next();
            order = ParseSortItems();
        }
        WindowFrame? frame = null;
        if (_ts.Current.Is("rows") || _ts.Current.Is("range"))
        {
            var unit = _ts.Next().Text.ToUpperInvariant();
            if (_ts.Accept("between"))
            {
                var s = ParseFrameBound();
                _ts.Expect("and");
                frame = new WindowFrame(unit, s, ParseFrameBound());
            }
            else
            {
                frame = new WindowFrame(unit, ParseFrameBound(), null);
            }
        }
        _ts.ExpectOp(")");
        return new WindowSpec(_ts.From(start), partition, order, frame, baseName);
    }

    private FrameBound ParseFrameBound()
    {
        if (_ts.Accept("unbounded"))
        {
            var dir = _ts.Next().Text.ToUpperInvariant();
            return new FrameBound("UNBOUNDED " + dir, null);
        }
        if (_ts.Accept("current"))
        {
            _ts.Expect("row");
            return new FrameBound("CURRENT ROW", null);
        }
        var offset = ParseExpression(PrecAdd);
        var direction = _ts.Next().Text.ToUpperInvariant();
        if (direction is not ("PRECEDING" or "FOLLOWING"))
        {
            throw new Binding.SqlError("expected PRECEDING or FOLLOWING", _ts.Previous.Start, _ts.Previous.Length);
        }
        return new FrameBound(direction, offset);
    }

    private List<SortItem> ParseSortItems()
    {
        var items = new List<SortItem>();
        do
        {
            var e = ParseExpression();
            var desc = false;
            if (_ts.Accept("desc"))
            {
                desc = true;
            }
            else
            {
                _ts.Accept("asc");
            }
            bool? nullsFirst = null;
            if (_ts.Accept("nulls"))
            {
                nullsFirst = _ts.Accept("first") || !_ts.Expect("last").Is("last");
            }
            items.Add(new SortItem(e, desc, nullsFirst));
        }
        while (_ts.AcceptOp(","));
        return items;
    }

    private Expr ParseCase()
    {
        var start = _ts.Next().Start;
        Expr? operand = null;
        if (!_ts.Current.Is("when"))
        {
            operand = ParseExpression();
        }
        var branches = new List<(Expr, Expr)>();
        while (_ts.Accept("when"))
        {
            var when = ParseExpression();
            _ts.Expect("then");
            branches.Add((when, ParseExpression()));
        }
        if (branches.Count == 0)
        {
            throw _ts.Error("CASE needs at least one WHEN … THEN …");
        }
        Expr? otherwise = null;
        if (_ts.Accept("else"))
        {
            otherwise = ParseExpression();
        }
        _ts.Expect("end");
        return new CaseWhen(_ts.From(start), operand, branches, otherwise);
    }

    private static readonly Dictionary<string, string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "year", ["years"] = "year", ["month"] = "month", ["months"] = "month", ["week"] = "week", ["weeks"] = "week",
        ["day"] = "day", ["days"] = "day", ["hour"] = "hour", ["hours"] = "hour", ["minute"] = "minute", ["minutes"] = "minute",
        ["second"] = "second", ["seconds"] = "second", ["millisecond"] = "millisecond", ["milliseconds"] = "millisecond",
        ["microsecond"] = "microsecond", ["microseconds"] = "microsecond",
    };

    private Expr ParseInterval()
    {
        var start = _ts.Next().Start;
        var parts = new List<string>();
        if (_ts.Current.Kind == TokenKind.String && !IntervalUnits.ContainsKey(_ts.Peek().Text))
        {
            // interval '1 day 2 hours'
            var text = _ts.Next().Text;
            return new IntervalLiteral(_ts.From(start), text, "INTERVAL '" + text + "'");
        }
        while (true)
        {
            var negative = _ts.AcceptOp("-");
            var amountToken = _ts.Current;
            if (amountToken.Kind is not (TokenKind.Number or TokenKind.String) || !IntervalUnits.TryGetValue(_ts.Peek().Text, out var unit))
            {
                break;
            }
            _ts.Next();
            _ts.Next();
            parts.Add((negative ? "-" : "") + amountToken.Text.Trim() + " " + unit + "s");
        }
        if (parts.Count == 0)
        {
            throw _ts.Error("expected an interval such as interval 2 hours 30 minutes");
        }
        var joined = string.Join(" ", parts);
        return new IntervalLiteral(_ts.From(start), joined, "INTERVAL '" + joined + "'");
    }

    private Literal NumberLiteral(Token t)
    {
        var text = t.Text;
        var pos = new Pos(t.Start, t.Length);
        var upper = text.ToUpperInvariant();
        if (upper.EndsWith("BD", StringComparison.Ordinal))
        {
            var digits = text[..^2];
            return new Literal(pos, LiteralKind.Decimal, digits, DecimalOf(digits));
        }
        var suffix = upper[^1];
        var body = char.IsAsciiLetter(suffix) && suffix != 'E' ? text[..^1] : text;
        switch (suffix)
        {
            case 'L':
                return Integer(body, SparkType.Long, pos, t);
            case 'S':
                return Integer(body, SparkType.Short, pos, t);
            case 'Y':
                return Integer(body, SparkType.Byte, pos, t);
            case 'D':
                return new Literal(pos, LiteralKind.Double, body, SparkType.Double);
            case 'F':
                return new Literal(pos, LiteralKind.Float, body, SparkType.Float);
        }
        if (upper.Contains('E', StringComparison.Ordinal))
        {
            return new Literal(pos, LiteralKind.Double, text, SparkType.Double);
        }
        if (text.Contains('.', StringComparison.Ordinal))
        {
            return new Literal(pos, LiteralKind.Decimal, text, DecimalOf(text));
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return new Literal(pos, LiteralKind.Integer, text, v <= int.MaxValue ? SparkType.Int : SparkType.Long);
        }
        // Past bigint: decimal(p,0) as in Spark.
        return new Literal(pos, LiteralKind.Decimal, text, SparkType.Decimal(Math.Min(38, text.TrimStart('0').Length), 0));
    }

    private static Literal Integer(string body, SparkType type, Pos pos, Token t)
    {
        if (body.Contains('.', StringComparison.Ordinal) || !BigInteger.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new Binding.SqlError($"invalid {type} literal {t.Text}", t.Start, t.Length, "integer suffixes (L, S, Y) need an integer");
        }
        var (min, max) = type.Kind switch
        {
            TypeKind.Byte => (sbyte.MinValue, (BigInteger)sbyte.MaxValue),
            TypeKind.Short => (short.MinValue, short.MaxValue),
            _ => (long.MinValue, (BigInteger)long.MaxValue),
        };
        if (value > max + 1 || value < min)
        {
            throw new Binding.SqlError($"numeric literal {t.Text} does not fit in {type}", t.Start, t.Length, "use a wider suffix or none");
        }
        return new Literal(pos, LiteralKind.Integer, body, type);
    }

    private static SparkType DecimalOf(string digits)
    {
        var d = digits.TrimStart('-', '+');
        var dot = d.IndexOf('.', StringComparison.Ordinal);
        var intPart = (dot < 0 ? d : d[..dot]).TrimStart('0');
        var scale = dot < 0 ? 0 : d.Length - dot - 1;
        var precision = Math.Max(intPart.Length + scale, 1);
        return SparkType.Decimal(Math.Max(precision, scale), scale);
    }

    /// <summary>A Spark type name after CAST(… AS / `::`.</summary>
    private SparkType ParseType()
    {
        var start = _ts.Current.Start;
        var depth = 0;
        var sb = new StringBuilder();
        while (_ts.Current.Kind != TokenKind.End)
        {
            var t = _ts.Current;
            if (t.IsOp("(") || t.IsOp("<"))
            {
                depth++;
            }
            else if (t.IsOp(")") || t.IsOp(">"))
            {
                if (depth == 0)
                {
                    break;
                }
                depth--;
            }
            else if (t.IsOp(",") && depth == 0)
            {
                break;
            }
            else if (depth == 0 && sb.Length > 0 && t.IsName)
            {
                break;
            }
            sb.Append(t.Text).Append(t.IsOp(":") || t.IsName ? " " : "");
            _ts.Next();
            if (depth == 0 && !_ts.Current.IsOp("(") && !_ts.Current.IsOp("<"))
            {
                break;
            }
        }
        var text = sb.ToString().Trim();
        return TypeParser.ParseSpark(text)
            ?? throw new Binding.SqlError($"unknown data type '{text}'", start, Math.Max(1, _ts.Previous.End - start),
                "Spark types: boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), string, binary, date, timestamp, array<T>, map<K,V>, struct<…>");
    }
}
