using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using ByzerSharp.Diagnostics;
using ByzerSharp.Syntax.Generated;
using ByzerSharp.Text;

namespace ByzerSharp.Syntax.Parsing;

/// <summary>
/// Turns one parser failure (the offending token, the rule being parsed and the tokens that would
/// have fitted) into a message in words, a span on the exact token, and a hint that says what to
/// write instead. The common mistakes of Byzer users (GitHub issues, spec §6.2) get their own hints.
/// </summary>
internal sealed class SyntaxErrorExplainer(SourceFile file, ITokenStream tokens, ParserRuleContext context, IToken token, IntervalSet expected)
{
    private const string NonAsciiHint = "names may only hold ASCII letters, digits and '_'; write other names in backquotes, e.g. `tëst`";

    private static readonly string[] OptionKeywords = ["where", "options"];

    private bool AtEnd => token.Type == TokenConstants.EOF;

    private string Found => AtEnd ? "the end of the script" : TokenNames.DescribeText(token.Text);

    public ByzerException Explain()
    {
        if ((MissingAnd() ?? KeywordBeforeEquals()) is { } common)
        {
            return common;
        }
        if (context is ByzerParser.ScriptContext or ByzerParser.StatementContext)
        {
            return BetweenStatements();
        }
        return ExplainOption() ?? ExplainName() ?? InsideStatement();
    }

    /// <summary>key="v" key2="w" or key="v", key2="w": options are joined with 'and' (wherever the clause is).</summary>
    private ByzerException? MissingAnd()
    {
        if (PreviousIsOptionValue() && (token.Type == ByzerLexer.COMMA || (token.Type is ByzerLexer.IDENTIFIER or ByzerLexer.BACKQUOTED_IDENTIFIER && Next(token)?.Type is ByzerLexer.EQ or ByzerLexer.DOT)))
        {
            return ByzerException.Syntax(
                $"expected 'and' between options but found {Found}",
                SpanOf(token),
                "separate options with 'and': where a=\"1\" and b=\"2\"");
        }
        return null;
    }

    /// <summary>where as="1": a keyword cannot be an option key or variable name unless backquoted.</summary>
    private ByzerException? KeywordBeforeEquals()
    {
        if (token.Type == ByzerLexer.EQ && Previous(token) is { } keyword && TokenNames.IsKeyword(keyword.Type)
            && keyword.Type is not (ByzerLexer.AND or ByzerLexer.WHERE or ByzerLexer.OPTIONS))
        {
            return ByzerException.Syntax(
                $"'{keyword.Text}' is a keyword and cannot be a key",
                SpanOf(keyword),
                $"write it in backquotes: `{keyword.Text}`=\"…\"");
        }
        return null;
    }

    private ByzerException BetweenStatements()
    {
        var previous = Previous(token);
        if (previous is not null && previous.Type != ByzerLexer.SEMI)
        {
            var statement = (context as ByzerParser.ScriptContext)?.statement().LastOrDefault();
            var keyword = statement is null ? "previous" : StatementKeyword(statement);
            if (token.Line > previous.Line && (TokenNames.IsStatementStart(token.Type) || token.Type == ByzerLexer.IDENTIFIER))
            {
                return ByzerException.Syntax(
                    $"missing ';' after the {keyword} statement",
                    AfterToken(previous),
                    "every statement ends with ';'");
            }
            return ByzerException.Syntax($"unexpected {Found} after the end of the {keyword} statement", SpanOf(token), JunkHint(statement, keyword));
        }

        string hint;
        if (token.Text.StartsWith('#'))
        {
            var next = tokens.Get(token.TokenIndex + 1);
            hint = next.Text == "%" && next.StartIndex == token.StopIndex + 1
                ? "a '#%…' line starts a cell only at the very start of a line (#%csharp, then #%key=value headers, the C#, and #%end)"
                : "'#' does not start a comment in Byzer; use -- or /* */ (cells start with a '#%csharp' line)";
        }
        else if (token.Type == ByzerLexer.IDENTIFIER && Suggest.Closest(token.Text, TokenNames.StatementKeywords) is { } keyword)
        {
            hint = $"did you mean '{keyword}'?";
        }
        else if (token.Type == ByzerLexer.BANG)
        {
            hint = "write the command name right after '!', e.g. !show tables;";
        }
        else
        {
            hint = "every statement starts with one of these keywords and ends with ';'";
        }
        return ByzerException.Syntax(
            $"expected a statement ({string.Join(", ", TokenNames.StatementKeywords)} or !command) but found {Found}",
            SpanOf(token),
            hint);
    }

    private string JunkHint(ByzerParser.StatementContext? statement, string keyword)
    {
        var last = statement?.GetChild(0) is ParserRuleContext s && s.ChildCount > 0 ? s.GetChild(s.ChildCount - 1) : null;
        if (last is ByzerParser.PartitionByClauseContext)
        {
            return "separate partitionBy columns with ',': partitionBy a, b";
        }
        return token.Type switch
        {
            ByzerLexer.WHERE or ByzerLexer.OPTIONS when keyword is "load" =>
                "options go before 'as <table>': load <format>.`<path>` where <key>=\"<value>\" as <table>;",
            ByzerLexer.WHERE or ByzerLexer.OPTIONS => "options go right after the path, before 'as' or partitionBy",
            ByzerLexer.AS => $"a {keyword} statement names only one table; remove the extra 'as …'",
            _ when token.Type == ByzerLexer.UNRECOGNIZED && token.Text[0] > 127 => NonAsciiHint,
            _ => "end the statement with ';' or remove what follows",
        };
    }

    /// <summary>Errors inside a where/options clause: unquoted values, '-' in keys, ',' between options, a misspelt where.</summary>
    private ByzerException? ExplainOption()
    {
        if (context is ByzerParser.OptionValueContext || (context is ByzerParser.OptionContext && expected.Contains(ByzerLexer.STRING) && !expected.Contains(ByzerLexer.EQ)))
        {
            var key = (context as ByzerParser.OptionContext ?? context.Parent as ByzerParser.OptionContext)?.qualifiedName().GetText() ?? "key";
            var value = AtEnd || token.Type == ByzerLexer.SEMI ? "value"
                : token.Type == ByzerLexer.BACKQUOTED_IDENTIFIER ? token.Text[1..^1]
                : GluedText(token);
            return ByzerException.Syntax(
                $"option values must be quoted, but found {Found}",
                AtEnd ? AfterToken(Previous(token)) : SpanOfGlued(token),
                $"write {key}=\"{value}\"");
        }
        if (token.Type == ByzerLexer.MINUS && expected.Contains(ByzerLexer.EQ) && QualifiedNameBefore() is { } name)
        {
            var glued = GluedText(name);
            var what = context is ByzerParser.SetStatementContext ? "variable names" : "option keys";
            return ByzerException.Syntax(
                $"{what} containing '-' must be backquoted",
                SpanOfGlued(name),
                $"write `{glued}`");
        }
        if (context is ByzerParser.OptionContext option && expected.Contains(ByzerLexer.EQ))
        {
            var key = option.qualifiedName().GetText();
            var clause = (ByzerParser.OptionsContext)option.Parent;
            var noKeyword = clause.Start.Type is not (ByzerLexer.WHERE or ByzerLexer.OPTIONS) && clause.option().Length == 1;
            if (noKeyword && Suggest.Closest(key, OptionKeywords) is { } keyword)
            {
                return ByzerException.Syntax($"expected 'as' or '{keyword}' but found {TokenNames.DescribeText(key)}", Span(option.qualifiedName()), $"did you mean '{keyword}'?");
            }
            if (noKeyword && Suggest.Closest(key, ["as"]) is not null)
            {
                return ByzerException.Syntax($"expected 'as' but found {TokenNames.DescribeText(key)}", Span(option.qualifiedName()), "did you mean 'as'?");
            }
            if (noKeyword && !AtEnd)
            {
                return ByzerException.Syntax(
                    $"expected 'as <table>' or options (where <key>=\"<value>\") but found {TokenNames.DescribeText(key)}",
                    Span(option.qualifiedName()),
                    $"did you forget 'as' before '{key}'?");
            }
            return ByzerException.Syntax(
                $"expected '=' after the option key '{key}' but found {Found}",
                SpanOf(token),
                $"options are written {key}=\"<value>\"");
        }
        if (context is ByzerParser.IdentifierContext { Parent: ByzerParser.QualifiedNameContext { Parent: ByzerParser.OptionContext } } && Previous(token)?.Type == ByzerLexer.AND)
        {
            return ByzerException.Syntax(
                $"expected an option key after 'and' but found {Found}",
                AtEnd || token.Type == ByzerLexer.SEMI ? AfterToken(Previous(token)) : SpanOf(token),
                "remove the trailing 'and' or add another key=\"value\"");
        }
        return null;
    }

    /// <summary>Errors where a name was expected: keywords used as names, non-ASCII names, missing path backquotes.</summary>
    private ByzerException? ExplainName()
    {
        if (!expected.Contains(ByzerLexer.IDENTIFIER) || !expected.Contains(ByzerLexer.BACKQUOTED_IDENTIFIER))
        {
            return null;
        }
        var (what, rule) = NameRole();
        if (what is null)
        {
            return null;
        }
        var message = $"expected {what} but found {Found}";
        string? hint = null;
        if (rule is ByzerParser.ColContext && Previous(token)?.Type == ByzerLexer.COMMA)
        {
            hint = "remove the trailing ',' or add the column name";
        }
        else if (TokenNames.IsKeyword(token.Type))
        {
            hint = $"'{token.Text}' is a keyword; to use it as a name, write it in backquotes: `{token.Text}`";
        }
        else if (token.Type == ByzerLexer.UNRECOGNIZED && token.Text[0] > 127)
        {
            hint = NonAsciiHint;
        }
        else if (rule is ByzerParser.PathContext)
        {
            hint = token.Text == "$"
                ? "variables in paths go inside the backquotes: format.`${dir}/file`"
                : "paths are written in backquotes: format.`/path/to/data`";
        }
        hint ??= UsageHint();
        return ByzerException.Syntax(message, AtEnd || token.Type == ByzerLexer.SEMI ? AfterToken(Previous(token)) : SpanOf(token), hint);
    }

    private (string? What, ParserRuleContext? Rule) NameRole()
    {
        for (var c = context; c is not null; c = c.Parent as ParserRuleContext)
        {
            switch (c)
            {
                case ByzerParser.TableNameContext:
                    return ("a table name", c);
                case ByzerParser.PathContext:
                    return ("a path in backquotes", c);
                case ByzerParser.FormatContext when c.Parent is ByzerParser.TrainStatementContext or ByzerParser.RegisterStatementContext or ByzerParser.UnregisterStatementContext:
                    return ("an ET name", c);
                case ByzerParser.FormatContext:
                    return ("a format name (csv, json, parquet, …)", c);
                case ByzerParser.FunctionNameContext:
                    return ("a function name", c);
                case ByzerParser.ColContext:
                    return ("a column name", c);
                case ByzerParser.ConnectionNameContext:
                    return ("a connection name", c);
                case ByzerParser.SetKeyContext:
                    return ("a variable name", c);
                case ByzerParser.SetValueContext:
                    return ("a value (\"…\", '''…''' or a name)", c);
                case ByzerParser.OptionContext:
                    return ("an option key", c);
                case ByzerParser.StatementContext:
                    return (null, null);
            }
        }
        return (null, null);
    }

    private ByzerException InsideStatement()
    {
        var names = TokenNames.DescribeSet(expected);
        var message = names.Count switch
        {
            0 => $"unexpected {Found}",
            1 => $"expected {names[0]} but found {Found}",
            _ => $"expected one of {string.Join(", ", names)} but found {Found}",
        };
        string? hint = null;
        if (token.Type == ByzerLexer.IDENTIFIER)
        {
            var keywords = expected.ToList().Where(TokenNames.IsKeyword).Select(t => TokenNames.Describe(t).Trim('\'')).ToList();
            if (Suggest.Closest(token.Text, keywords) is { } keyword)
            {
                hint = $"did you mean '{keyword}'?";
            }
        }
        if (hint is null && context is ByzerParser.SaveStatementContext save && expected.Contains(ByzerLexer.AS)
            && save.tableName() is { } table && Suggest.Closest(table.GetText(), ["overwrite", "append", "errorIfExists", "ignore"]) is { } mode)
        {
            return ByzerException.Syntax(message, SpanOf(token), $"'{table.GetText()}' was read as the table name; did you mean the save mode '{mode}'?");
        }
        if (hint is null && token.Type == ByzerLexer.UNRECOGNIZED && token.Text[0] > 127)
        {
            hint = NonAsciiHint;
        }
        if (hint is null && context is ByzerParser.SetStatementContext && expected.Contains(ByzerLexer.EQ))
        {
            hint = "write set <name> = \"<value>\";";
        }
        return ByzerException.Syntax(message, AtEnd || token.Type == ByzerLexer.SEMI ? AfterToken(Previous(token)) : SpanOf(token), hint ?? UsageHint());
    }

    private string? UsageHint()
    {
        for (var c = context; c is not null; c = c.Parent as ParserRuleContext)
        {
            if (c.Parent is ByzerParser.StatementContext)
            {
                return StatementSyntax.Of(c.Start.Type) is { } syntax ? "syntax: " + syntax : null;
            }
        }
        return null;
    }

    private static string StatementKeyword(ByzerParser.StatementContext statement)
    {
        var text = statement.Start.Text;
        return text.StartsWith('!') ? text : text.ToLowerInvariant();
    }

    private bool PreviousIsOptionValue() => Previous(token)?.Type is ByzerLexer.STRING or ByzerLexer.BLOCK_STRING;

    /// <summary>The first token of the qualified name right before the offending token (for keys like driver-memory).</summary>
    private IToken? QualifiedNameBefore()
    {
        var first = Previous(token);
        if (first?.Type is not (ByzerLexer.IDENTIFIER or ByzerLexer.BACKQUOTED_IDENTIFIER))
        {
            return null;
        }
        for (var p = Previous(first); p is not null && p.StopIndex + 1 == first.StartIndex && p.Type is ByzerLexer.IDENTIFIER or ByzerLexer.DOT or ByzerLexer.MINUS; p = Previous(p))
        {
            first = p;
        }
        return first;
    }

    /// <summary>The text of tokens written without whitespace between them, from <paramref name="start"/> on (driver-memory, 2g, a.b).</summary>
    private string GluedText(IToken start) => file.Text[start.StartIndex..(GluedEnd(start) + 1)];

    private SourceSpan SpanOfGlued(IToken start) => new(file, start.StartIndex, GluedEnd(start) - start.StartIndex + 1);

    private int GluedEnd(IToken start)
    {
        var end = start.StopIndex;
        for (var i = start.TokenIndex + 1; i < tokens.Size; i++)
        {
            var t = tokens.Get(i);
            if (t.StartIndex != end + 1 || t.Channel != Lexer.DefaultTokenChannel || t.Type is TokenConstants.EOF or ByzerLexer.SEMI or ByzerLexer.STRING or ByzerLexer.BLOCK_STRING or ByzerLexer.EQ)
            {
                break;
            }
            end = t.StopIndex;
        }
        return end;
    }

    private IToken? Previous(IToken? of)
    {
        if (of is null)
        {
            return null;
        }
        for (var i = of.TokenIndex - 1; i >= 0; i--)
        {
            var t = tokens.Get(i);
            if (t.Channel == Lexer.DefaultTokenChannel)
            {
                return t;
            }
        }
        return null;
    }

    private IToken? Next(IToken of)
    {
        for (var i = of.TokenIndex + 1; i < tokens.Size; i++)
        {
            var t = tokens.Get(i);
            if (t.Channel == Lexer.DefaultTokenChannel)
            {
                return t;
            }
        }
        return null;
    }

    private SourceSpan Span(ParserRuleContext c) =>
        new(file, c.Start.StartIndex, Math.Max(1, (c.Stop?.StopIndex ?? c.Start.StopIndex) - c.Start.StartIndex + 1));

    /// <summary>A zero-width span right after a token: where a missing ';' or name belongs.</summary>
    private SourceSpan AfterToken(IToken? previous) =>
        previous is null ? SpanOf(token) : new SourceSpan(file, previous.StopIndex + 1, 0);

    private SourceSpan SpanOf(IToken t)
    {
        if (t.Type == TokenConstants.EOF)
        {
            // Point just after the last visible character, so the caret lands at the end of the text.
            return new SourceSpan(file, file.Text.TrimEnd().Length, 0);
        }
        return new SourceSpan(file, t.StartIndex, Math.Max(1, t.StopIndex - t.StartIndex + 1));
    }
}
