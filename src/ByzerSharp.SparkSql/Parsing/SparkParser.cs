using ByzerSharp.SparkSql.Ast;
using ByzerSharp.SparkSql.Binding;
using ByzerSharp.SparkSql.Lexing;

namespace ByzerSharp.SparkSql.Parsing;

/// <summary>
/// A hand-written recursive-descent parser for the Spark SQL query language of select bodies
/// (docs/sql.md explains why not ANTLR). Errors are <see cref="SqlError"/> with text offsets.
/// </summary>
public sealed partial class SparkParser
{
    /// <summary>Words that end an expression or a relation, so they are never read as an implicit alias.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "where", "group", "having", "order", "limit", "union", "except", "minus", "intersect", "join", "inner", "left", "right",
        "full", "cross", "natural", "on", "using", "lateral", "window", "sort", "cluster", "distribute", "as", "and", "or", "semi", "anti",
        "when", "then", "else", "end", "tablesample", "select", "with", "not", "is", "in", "like", "ilike", "rlike", "between", "outer",
        "offset", "over", "filter", "escape", "regexp", "div",
    };

    private readonly TokenStream _ts;

    private SparkParser(string sql) => _ts = new TokenStream(SparkLexer.Tokenize(sql));

    /// <summary>Parses a whole select body (one query, an optional trailing ';').</summary>
    public static Query Parse(string sql)
    {
        var parser = new SparkParser(sql);
        var query = parser.ParseQuery();
        parser._ts.AcceptOp(";");
        if (parser._ts.Current.Kind != TokenKind.End)
        {
            throw parser._ts.Error($"unexpected {parser._ts.Current} after the end of the query");
        }
        return query;
    }

    /// <summary>Parses a single expression (for tests and `where` conditions).</summary>
    public static Expr ParseExpr(string sql)
    {
        var parser = new SparkParser(sql);
        var e = parser.ParseExpression();
        if (parser._ts.Current.Kind != TokenKind.End)
        {
            throw parser._ts.Error($"unexpected {parser._ts.Current}");
        }
        return e;
    }

    private bool StartsQuery() =>
        _ts.Current.Is("select") || _ts.Current.Is("with") || _ts.Current.Is("values") || _ts.Current.Is("from")
        || (_ts.Current.IsOp("(") && (_ts.Peek().Is("select") || _ts.Peek().Is("with") || _ts.Peek().Is("values")));

    public Query ParseQuery()
    {
        var start = _ts.Current.Start;
        var ctes = new List<Cte>();
        if (_ts.Accept("with"))
        {
            _ts.Accept("recursive");
            do
            {
                var cteStart = _ts.Current.Start;
                var name = ExpectName("a CTE name");
                var columns = _ts.Current.IsOp("(") ? ParseNameList() : [];
                _ts.Accept("as");
                _ts.ExpectOp("(");
                var q = ParseQuery();
                _ts.ExpectOp(")");
                ctes.Add(new Cte(_ts.From(cteStart), name, columns, q));
            }
            while (_ts.AcceptOp(","));
        }
        var body = ParseSetOperations();
        var order = new List<SortItem>();
        var distribute = new List<Expr>();
        while (true)
        {
            if ((_ts.Current.Is("order") || _ts.Current.Is("sort")) && _ts.Peek().Is("by"))
            {
                _ts.Next();
                _ts.Next();
                order.AddRange(ParseSortItems());
            }
            else if (_ts.Current.Is("cluster") && _ts.Peek().Is("by"))
            {
                _ts.Next();
                _ts.Next();
                var keys = ParseExpressionList();
                distribute.AddRange(keys);
                order.AddRange(keys.Select(k => new SortItem(k, false, null)));
            }
            else if (_ts.Current.Is("distribute") && _ts.Peek().Is("by"))
            {
                _ts.Next();
                _ts.Next();
                distribute.AddRange(ParseExpressionList());
            }
            else
            {
                break;
            }
        }
        Expr? limit = null;
        if (_ts.Accept("limit"))
        {
            limit = _ts.Accept("all") ? null : ParseExpression();
        }
        return new Query(_ts.From(start), ctes, body, order, limit, distribute);
    }

    private QueryTerm ParseSetOperations()
    {
        var left = ParseIntersect();
        while (_ts.Current.Is("union") || _ts.Current.Is("except") || _ts.Current.Is("minus"))
        {
            var op = _ts.Next().Text.ToUpperInvariant();
            var all = _ts.Accept("all");
            if (!all)
            {
                _ts.Accept("distinct");
            }
            var right = ParseIntersect();
            left = new SetOperation(Pos.Between(left.Pos, right.Pos), op == "MINUS" ? "EXCEPT" : op, all, left, right);
        }
        return left;
    }

    private QueryTerm ParseIntersect()
    {
        var left = ParseQueryPrimary();
        while (_ts.Current.Is("intersect"))
        {
            _ts.Next();
            var all = _ts.Accept("all");
            if (!all)
            {
                _ts.Accept("distinct");
            }
            var right = ParseQueryPrimary();
            left = new SetOperation(Pos.Between(left.Pos, right.Pos), "INTERSECT", all, left, right);
        }
        return left;
    }

    private QueryTerm ParseQueryPrimary()
    {
        var start = _ts.Current.Start;
        if (_ts.Current.IsOp("("))
        {
            _ts.Next();
            var q = ParseQuery();
            _ts.ExpectOp(")");
            return new NestedQuery(_ts.From(start), q);
        }
        if (_ts.Accept("values"))
        {
            return new ValuesTerm(_ts.From(start), ParseValuesRows());
        }
        if (_ts.Current.Is("table") && _ts.Peek().IsName)
        {
            _ts.Next();
            var name = ParseQualifiedName();
            var star = new SelectItem(new Star(_ts.From(start), null), null, _ts.From(start));
            return new QuerySpec(_ts.From(start), false, [star], new TableRef(_ts.From(start), name, null, [], null), [], null, null, null, EmptyWindows);
        }
        if (!_ts.Current.Is("select"))
        {
            throw _ts.Error($"expected SELECT but found {_ts.Current}", "a select body starts with SELECT, WITH or VALUES");
        }
        return ParseQuerySpec();
    }

    private static readonly Dictionary<string, WindowSpec> EmptyWindows = new(StringComparer.OrdinalIgnoreCase);

    private List<IReadOnlyList<Expr>> ParseValuesRows()
    {
        var rows = new List<IReadOnlyList<Expr>>();
        do
        {
            var e = ParseExpression();
            rows.Add(e is RowValue r ? r.Items : [e]);
        }
        while (_ts.AcceptOp(","));
        return rows;
    }

    private QuerySpec ParseQuerySpec()
    {
        var start = _ts.Expect("select").Start;
        // Hints (/*+ … */) are comments to the lexer already.
        var distinct = _ts.Accept("distinct");
        if (!distinct)
        {
            _ts.Accept("all");
        }
        var items = new List<SelectItem>();
        do
        {
            var itemStart = _ts.Current.Start;
            var e = ParseExpression();
            var alias = ParseAlias();
            items.Add(new SelectItem(e, alias, _ts.From(itemStart)));
        }
        while (_ts.AcceptOp(","));

        Relation? from = null;
        var laterals = new List<LateralView>();
        if (_ts.Accept("from"))
        {
            from = ParseRelations();
            while (_ts.Current.Is("lateral") && _ts.Peek().Is("view"))
            {
                laterals.Add(ParseLateralView());
            }
        }
        Expr? where = null;
        if (_ts.Accept("where"))
        {
            where = ParseExpression();
        }
        GroupBy? groupBy = null;
        if (_ts.Current.Is("group") && _ts.Peek().Is("by"))
        {
            groupBy = ParseGroupBy();
        }
        Expr? having = null;
        if (_ts.Accept("having"))
        {
            having = ParseExpression();
        }
        var windows = new Dictionary<string, WindowSpec>(StringComparer.OrdinalIgnoreCase);
        if (_ts.Accept("window"))
        {
            do
            {
                var name = ExpectName("a window name");
                _ts.Expect("as");
                windows[name] = ParseWindowSpec();
            }
            while (_ts.AcceptOp(","));
        }
        return new QuerySpec(_ts.From(start), distinct, items, from, laterals, where, groupBy, having, windows);
    }

    private string? ParseAlias()
    {
        if (_ts.Accept("as"))
        {
            if (!_ts.Current.IsName)
            {
                throw _ts.Error($"expected an alias after AS but found {_ts.Current}");
            }
            return _ts.Next().Text;
        }
        if (_ts.Current.Kind == TokenKind.QuotedIdentifier || (_ts.Current.Kind == TokenKind.Identifier && !Reserved.Contains(_ts.Current.Text)))
        {
            return _ts.Next().Text;
        }
        return null;
    }

    private GroupBy ParseGroupBy()
    {
        var start = _ts.Next().Start;
        _ts.Next();
        foreach (var kind in new[] { "rollup", "cube" })
        {
            if (_ts.Current.Is(kind) && _ts.Peek().IsOp("("))
            {
                _ts.Next();
                _ts.Next();
                var keys = ParseExpressionList();
                _ts.ExpectOp(")");
                return new GroupBy(_ts.From(start), kind.ToUpperInvariant(), keys, []);
            }
        }
        if (_ts.Current.Is("grouping") && _ts.Peek().Is("sets"))
        {
            _ts.Next();
            _ts.Next();
            var sets = ParseGroupingSets();
            return new GroupBy(_ts.From(start), "GROUPING SETS", sets.SelectMany(s => s).ToList(), sets);
        }
        var plain = ParseExpressionList();
        if (_ts.Current.Is("with") && (_ts.Peek().Is("rollup") || _ts.Peek().Is("cube")))
        {
            _ts.Next();
            return new GroupBy(_ts.From(start), _ts.Next().Text.ToUpperInvariant(), plain, []);
        }
        if (_ts.Current.Is("grouping") && _ts.Peek().Is("sets"))
        {
            _ts.Next();
            _ts.Next();
            return new GroupBy(_ts.From(start), "GROUPING SETS", plain, ParseGroupingSets());
        }
        return new GroupBy(_ts.From(start), "PLAIN", plain, []);
    }

    private List<IReadOnlyList<Expr>> ParseGroupingSets()
    {
        _ts.ExpectOp("(");
        var sets = new List<IReadOnlyList<Expr>>();
        do
        {
            var e = ParseExpression();
            sets.Add(e is RowValue r ? r.Items : e is Literal { Kind: LiteralKind.Null } ? [] : [e]);
        }
        while (_ts.AcceptOp(","));
        _ts.ExpectOp(")");
        return sets;
    }

    private LateralView ParseLateralView()
    {
        var start = _ts.Next().Start;
        _ts.Next();
        var outer = _ts.Accept("outer");
        if (!_ts.Current.IsName || !_ts.Peek().IsOp("("))
        {
            throw _ts.Error("expected a generator such as explode(…) after LATERAL VIEW");
        }
        var call = (FunctionCall)ParseCall(_ts.Next());
        string? alias = null;
        if (_ts.Current.IsName && !_ts.Current.Is("as") && !Reserved.Contains(_ts.Current.Text))
        {
            alias = _ts.Next().Text;
        }
        var columns = new List<string>();
        if (_ts.Accept("as"))
        {
            do
            {
                columns.Add(ExpectName("a column alias"));
            }
            while (_ts.AcceptOp(","));
        }
        return new LateralView(_ts.From(start), outer, call, alias, columns);
    }

    private Relation ParseRelations()
    {
        var left = ParseJoinedRelation();
        while (_ts.AcceptOp(","))
        {
            var right = ParseJoinedRelation();
            left = new Join(Pos.Between(left.Pos, right.Pos), "CROSS", false, left, right, null, []);
        }
        return left;
    }

    private Relation ParseJoinedRelation()
    {
        var left = ParseRelationPrimary();
        while (true)
        {
            var mark = _ts.Mark;
            var natural = _ts.Accept("natural");
            string? kind = null;
            if (_ts.Accept("inner"))
            {
                kind = "INNER";
            }
            else if (_ts.Accept("cross"))
            {
                kind = "CROSS";
            }
            else if (_ts.Accept("left"))
            {
                kind = _ts.Accept("semi") ? "SEMI" : _ts.Accept("anti") ? "ANTI" : "LEFT";
                _ts.Accept("outer");
            }
            else if (_ts.Accept("right"))
            {
                _ts.Accept("outer");
                kind = "RIGHT";
            }
            else if (_ts.Accept("full"))
            {
                _ts.Accept("outer");
                kind = "FULL";
            }
            else if (_ts.Accept("semi"))
            {
                kind = "SEMI";
            }
            else if (_ts.Accept("anti"))
            {
                kind = "ANTI";
            }
            if (!_ts.Current.Is("join"))
            {
                _ts.Reset(mark);
                return left;
            }
            _ts.Next();
            kind ??= "INNER";
            var right = ParseRelationPrimary();
            Expr? on = null;
            var usingCols = new List<string>();
            if (_ts.Accept("on"))
            {
                on = ParseExpression();
            }
            else if (_ts.Accept("using"))
            {
                usingCols = ParseNameList();
            }
            left = new Join(_ts.From(left.Pos.Start), kind, natural, left, right, on, usingCols);
        }
    }

    private Relation ParseRelationPrimary()
    {
        var start = _ts.Current.Start;
        if (_ts.Current.IsOp("("))
        {
            if (StartsQuery())
            {
                _ts.Next();
                var q = ParseQuery();
                _ts.ExpectOp(")");
                var (alias, cols) = ParseRelationAlias();
                return new SubqueryRelation(_ts.From(start), q, alias, cols);
            }
            _ts.Next();
            var inner = ParseRelations();
            _ts.ExpectOp(")");
            return inner;
        }
        if (_ts.Accept("values"))
        {
            var rows = ParseValuesRows();
            var (alias, cols) = ParseRelationAlias();
            return new ValuesRelation(_ts.From(start), rows, alias, cols);
        }
        if (!_ts.Current.IsName)
        {
            throw _ts.Error($"expected a table name but found {_ts.Current}");
        }
        if (_ts.Current.Kind == TokenKind.Identifier && _ts.Peek().IsOp("("))
        {
            var call = (FunctionCall)ParseCall(_ts.Next());
            var (alias, cols) = ParseRelationAlias();
            return new TableFunction(_ts.From(start), call, alias, cols);
        }
        var name = ParseQualifiedName();
        Sample? sample = null;
        if (_ts.Accept("tablesample"))
        {
            _ts.ExpectOp("(");
            var amount = ParseExpression(PrecAdd);
            var kind = _ts.Next().Text.ToUpperInvariant();
            if (kind is not ("PERCENT" or "ROWS"))
            {
                throw new SqlError("expected PERCENT or ROWS in TABLESAMPLE", _ts.Previous.Start, _ts.Previous.Length, "TABLESAMPLE (10 PERCENT) or TABLESAMPLE (5 ROWS)");
            }
            _ts.ExpectOp(")");
            sample = new Sample(kind, amount);
        }
        var (a, c) = ParseRelationAlias();
        return new TableRef(_ts.From(start), name, a, c, sample);
    }

    private (string? Alias, List<string> Columns) ParseRelationAlias()
    {
        string? alias = null;
        if (_ts.Accept("as"))
        {
            alias = ExpectName("an alias");
        }
        else if (_ts.Current.Kind == TokenKind.QuotedIdentifier || (_ts.Current.Kind == TokenKind.Identifier && !Reserved.Contains(_ts.Current.Text)))
        {
            alias = _ts.Next().Text;
        }
        var cols = alias is not null && _ts.Current.IsOp("(") ? ParseNameList() : [];
        return (alias, cols);
    }

    private List<string> ParseQualifiedName()
    {
        var parts = new List<string> { ExpectName("a table name") };
        while (_ts.Current.IsOp(".") && _ts.Peek().IsName)
        {
            _ts.Next();
            parts.Add(_ts.Next().Text);
        }
        return parts;
    }

    private List<string> ParseNameList()
    {
        _ts.ExpectOp("(");
        var names = new List<string> { ExpectName("a column name") };
        while (_ts.AcceptOp(","))
        {
            names.Add(ExpectName("a column name"));
        }
        _ts.ExpectOp(")");
        return names;
    }

    private string ExpectName(string what)
    {
        if (!_ts.Current.IsName)
        {
            throw _ts.Error($"expected {what} but found {_ts.Current}");
        }
        return _ts.Next().Text;
    }
}
