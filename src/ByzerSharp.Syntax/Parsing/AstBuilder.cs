using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Generated;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>Turns the ANTLR parse tree into immutable AST records (one per statement rule).</summary>
internal sealed class AstBuilder(SourceFile file)
{
    public IReadOnlyList<Statement> Build(ByzerParser.ScriptContext script) =>
        script.statement().Select(BuildStatement).ToList();

    private Statement BuildStatement(ByzerParser.StatementContext context)
    {
        var child = (ParserRuleContext)context.GetChild(0);
        return child switch
        {
            ByzerParser.LoadStatementContext c => Load(c),
            ByzerParser.SaveStatementContext c => Save(c),
            ByzerParser.SelectStatementContext c => Select(c),
            ByzerParser.InsertStatementContext c => new InsertStatement(Span(c)),
            ByzerParser.CreateStatementContext c => new CreateStatement(Span(c)),
            ByzerParser.DropStatementContext c => new DropStatement(Span(c)),
            ByzerParser.RefreshStatementContext c => new RefreshStatement(Span(c)),
            ByzerParser.SetStatementContext c => Set(c),
            ByzerParser.ConnectStatementContext c => Connect(c),
            ByzerParser.TrainStatementContext c => Train(c),
            ByzerParser.RegisterStatementContext c => new RegisterStatement(Span(c), Id(c.format().identifier()), Id(c.path().identifier()), Id(c.functionName().identifier()), Options(c.options())),
            ByzerParser.UnregisterStatementContext c => new UnregisterStatement(Span(c), Id(c.format().identifier()), Id(c.path().identifier()), Options(c.options())),
            ByzerParser.IncludeStatementContext c => new IncludeStatement(Span(c), Id(c.format().identifier()), Id(c.path().identifier()), Options(c.options())),
            ByzerParser.CommandStatementContext c => Command(c),
            ByzerParser.CellStatementContext c => CellReader.Read(file, c.Start.StartIndex, c.Start.StopIndex - c.Start.StartIndex + 1),
            _ => throw new InvalidOperationException("unhandled statement rule " + child.GetType().Name),
        };
    }

    private LoadStatement Load(ByzerParser.LoadStatementContext c) =>
        new(Span(c), Id(c.format().identifier()), Id(c.path().identifier()), Options(c.options()), TableName(c.tableName()));

    private SaveStatement Save(ByzerParser.SaveStatementContext c)
    {
        var mode = SaveMode.ErrorIfExists;
        foreach (var m in c.saveMode())
        {
            // Several modes may be written; the last one wins, as in Byzer.
            mode = m.Start.Type switch
            {
                ByzerLexer.OVERWRITE => SaveMode.Overwrite,
                ByzerLexer.APPEND => SaveMode.Append,
                ByzerLexer.IGNORE => SaveMode.Ignore,
                _ => SaveMode.ErrorIfExists,
            };
        }
        var partitionBy = c.partitionByClause()?.col().Select(col => Id(col.identifier())).ToList() ?? [];
        return new SaveStatement(Span(c), mode, TableName(c.tableName()), Id(c.format().identifier()), Id(c.path().identifier()), Options(c.options()), partitionBy);
    }

    private SelectStatement Select(ByzerParser.SelectStatementContext c)
    {
        var span = Span(c);
        var body = c.sqlToken().Select(t => t.Start).ToArray();
        CheckNoMissingSemicolon(body);
        // The table name is the identifier after the last `as`, which must end the statement.
        if (body.Length >= 2
            && body[^2].Type == ByzerLexer.AS
            && body[^1].Type is ByzerLexer.IDENTIFIER or ByzerLexer.BACKQUOTED_IDENTIFIER)
        {
            var asToken = body[^2];
            var queryEnd = asToken.StartIndex;
            while (queryEnd > span.Start && char.IsWhiteSpace(file.Text[queryEnd - 1]))
            {
                queryEnd--;
            }
            var query = new SourceSpan(file, span.Start, queryEnd - span.Start);
            return new SelectStatement(span, query, TableName(body[^1]));
        }
        if (body.Length >= 2 && body[^2].Type == ByzerLexer.AS && TokenNames.IsKeyword(body[^1].Type))
        {
            throw ByzerException.Syntax(
                $"'{body[^1].Text}' is a keyword and cannot name the select's table",
                TokenSpan(body[^1]),
                $"to use it as a name, write it in backquotes: `{body[^1].Text}`");
        }
        if (body.Length >= 1 && body[^1].Type == ByzerLexer.AS)
        {
            throw ByzerException.Syntax(
                "the select statement's final 'as' has no table name",
                new SourceSpan(file, body[^1].StopIndex + 1, 0),
                "name the result: select … as result_table;");
        }
        throw ByzerException.Syntax(
            "a select statement must end with 'as <table name>'",
            new SourceSpan(file, span.End, 0),
            "name the result, e.g. select 1 as a as result_table;");
    }

    /// <summary>
    /// A select body swallows every token up to ';', so a forgotten ';' merges it with the next
    /// statement. `as name` followed by a statement keyword at the start of a line is never valid
    /// SQL, so that is reported as the missing ';' it almost certainly is.
    /// </summary>
    private void CheckNoMissingSemicolon(IToken[] body)
    {
        for (var i = 2; i < body.Length; i++)
        {
            var token = body[i];
            if (body[i - 2].Type == ByzerLexer.AS
                && body[i - 1].Type is ByzerLexer.IDENTIFIER or ByzerLexer.BACKQUOTED_IDENTIFIER
                && token.Line > body[i - 1].Line
                && token.Type is ByzerLexer.LOAD or ByzerLexer.SAVE or ByzerLexer.SELECT or ByzerLexer.SET or ByzerLexer.CONNECT
                    or ByzerLexer.TRAIN or ByzerLexer.RUN or ByzerLexer.PREDICT or ByzerLexer.REGISTER or ByzerLexer.UNREGISTER
                    or ByzerLexer.INCLUDE or ByzerLexer.EXECUTE_COMMAND)
            {
                throw ByzerException.Syntax(
                    "missing ';' after the select statement",
                    new SourceSpan(file, body[i - 1].StopIndex + 1, 0),
                    $"every statement ends with ';'; without it the next line's '{token.Text}' is read as part of the query");
            }
        }
    }

    /// <summary>A table name as written; an empty `` would define a table nobody can refer to.</summary>
    private Identifier TableName(IToken token)
    {
        var id = IdToken(token);
        if (id.Text.Length == 0)
        {
            throw ByzerException.Syntax("a table name cannot be empty", id.Span, "write a name between the backquotes, e.g. `result`");
        }
        return id;
    }

    private Identifier TableName(ByzerParser.TableNameContext context) => TableName(context.identifier().Start);

    private SetStatement Set(ByzerParser.SetStatementContext c)
    {
        var keySpan = Span(c.setKey());
        var key = QualifiedName(c.setKey().qualifiedName());
        var valueContext = c.setValue();
        string value;
        QuoteKind quote;
        if (valueContext.quoted() is { } q)
        {
            (value, quote) = Unquote(q.Start);
        }
        else if (valueContext.Start == valueContext.Stop && valueContext.Start.Type == ByzerLexer.BACKQUOTED_IDENTIFIER)
        {
            // `…` alone is parsed as a name, but Byzer strips its backquotes like any quote (set q = `select 1`).
            (value, quote) = Unquote(valueContext.Start);
        }
        else
        {
            // An unquoted value is taken as written (e.g. 1.5 or a.b).
            value = file.Text.Substring(valueContext.Start.StartIndex, valueContext.Stop.StopIndex - valueContext.Start.StartIndex + 1);
            quote = QuoteKind.None;
        }
        return new SetStatement(Span(c), key, keySpan, value, quote, Span(valueContext), Options(c.options()));
    }

    private ConnectStatement Connect(ByzerParser.ConnectStatementContext c)
    {
        Identifier? name = null;
        if (c.connectionName() is { } n)
        {
            name = new Identifier(QualifiedName(n.qualifiedName()), Span(n), false);
        }
        return new ConnectStatement(Span(c), Id(c.format().identifier()), Options(c.options()), name);
    }

    private TrainStatement Train(ByzerParser.TrainStatementContext c)
    {
        var kind = c.kind.Type switch
        {
            ByzerLexer.TRAIN => TrainKind.Train,
            ByzerLexer.RUN => TrainKind.Run,
            _ => TrainKind.Predict,
        };
        var names = c.tableName();
        // tableName()[0] is the input; any further `as t` clauses name the output and the last wins.
        var output = names.Length > 1 ? TableName(names[^1]) : null;
        return new TrainStatement(Span(c), kind, TableName(names[0]), Id(c.format().identifier()), Id(c.path().identifier()), Options(c.options()), output);
    }

    private CommandStatement Command(ByzerParser.CommandStatementContext c)
    {
        var nameToken = c.EXECUTE_COMMAND().Symbol;
        var name = new Identifier(nameToken.Text[1..], new SourceSpan(file, nameToken.StartIndex + 1, nameToken.Text.Length - 1), false);
        var args = new List<CommandArg>();
        int? rawStart = null;
        var rawEnd = 0;
        void FlushRaw()
        {
            if (rawStart is { } s)
            {
                args.Add(new CommandArg(file.Text[s..rawEnd], QuoteKind.None, new SourceSpan(file, s, rawEnd - s)));
                rawStart = null;
            }
        }
        foreach (var t in c.commandToken())
        {
            var token = t.Start;
            if (token.Type is ByzerLexer.STRING or ByzerLexer.BLOCK_STRING or ByzerLexer.BACKQUOTED_IDENTIFIER)
            {
                FlushRaw();
                var (value, quote) = Unquote(token);
                args.Add(new CommandArg(value, quote, TokenSpan(token)));
                continue;
            }
            // Raw tokens written without whitespace between them form one argument: -ls, /tmp/a.csv.
            if (rawStart is not null && token.StartIndex != rawEnd)
            {
                FlushRaw();
            }
            rawStart ??= token.StartIndex;
            rawEnd = token.StopIndex + 1;
        }
        FlushRaw();
        return new CommandStatement(Span(c), name, args);
    }

    private OptionList Options(ByzerParser.OptionsContext? context)
    {
        if (context is null)
        {
            return OptionList.Empty;
        }
        return new OptionList(context.option().Select(o =>
        {
            var (value, quote) = Unquote(o.optionValue().Start);
            return new OptionEntry(QualifiedName(o.qualifiedName()), value, quote, Span(o.qualifiedName()), TokenSpan(o.optionValue().Start));
        }));
    }

    private static string QualifiedName(ByzerParser.QualifiedNameContext context) =>
        string.Join(".", context.identifier().Select(i => IdText(i.Start)));

    private Identifier Id(ByzerParser.IdentifierContext context) => IdToken(context.Start);

    private Identifier IdToken(IToken token) =>
        new(IdText(token), TokenSpan(token), token.Type == ByzerLexer.BACKQUOTED_IDENTIFIER);

    private static string IdText(IToken token) =>
        token.Type == ByzerLexer.BACKQUOTED_IDENTIFIER ? token.Text[1..^1] : token.Text;

    internal static (string Value, QuoteKind Quote) Unquote(IToken token) => token.Type switch
    {
        ByzerLexer.BLOCK_STRING => (token.Text[3..^3], QuoteKind.Triple),
        ByzerLexer.BACKQUOTED_IDENTIFIER => (token.Text[1..^1], QuoteKind.Backquote),
        ByzerLexer.STRING when token.Text[0] == '"' => (token.Text[1..^1], QuoteKind.Double),
        ByzerLexer.STRING => (token.Text[1..^1], QuoteKind.Single),
        _ => (token.Text, QuoteKind.None),
    };

    private SourceSpan TokenSpan(IToken token) => new(file, token.StartIndex, token.StopIndex - token.StartIndex + 1);

    private SourceSpan Span(ParserRuleContext context)
    {
        var start = context.Start.StartIndex;
        var stop = context.Stop is { } s && s.StopIndex >= start ? s.StopIndex : start - 1;
        return new SourceSpan(file, start, stop - start + 1);
    }
}
