using System.Globalization;
using System.Text;
using System.Text.Json;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Generated;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Execution;

/// <summary>
/// Expands a user macro (<c>set m='''load csv.`{0}` as {1}''';</c> then <c>!m /a.csv t;</c>) into
/// statements. Positional: <c>{}</c>, <c>{n}</c>, <c>{-n}</c>, <c>{n:default}</c>, <c>{:all}</c>; defaults may be
/// <c>uuid()</c> or <c>next(word,uuid())</c>; a <c>{</c> right after <c>$</c> is left alone.
/// Named: <c>!m _ -key value</c> fills <c>${key}</c>. The expansion is a file of its own whose
/// <see cref="SourceFile.ExpandedFrom"/> is the command, so errors show both.
/// </summary>
internal static class MacroExpander
{
    // Byzer's json4s writes "…" as \" and keeps non-ASCII text; the default encoder would write \u0022.
    private static readonly JsonSerializerOptions JsonArgs = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The command's arguments: quoted ones ${}-rendered and unquoted, raw ones as written.</summary>
    public static IReadOnlyList<string> Arguments(ByzerSession session, CommandStatement command) =>
        command.Args.Select(a => a.Quote == QuoteKind.None ? a.Text : session.Render(a.Text, a.Span, a.Quote)).ToList();

    public static IReadOnlyList<Statement> Expand(ByzerSession session, CommandStatement command, string template)
    {
        var text = Fill(session, command, template, Arguments(session, command));
        var file = new SourceFile($"<macro !{command.Name.Text}>", Terminate(text)) { ExpandedFrom = command.Span };
        return ScriptParser.Parse(file).Statements;
    }

    /// <summary>The statement text a macro expands to (before parsing).</summary>
    public static string Fill(ByzerSession session, CommandStatement command, string template, IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] == "_"
            ? FillNamed(session, command, template, args)
            : FillPositional(command, template, args);

    /// <summary>Macro bodies are written without their final ';' (Byzer adds it); add it when missing.</summary>
    private static string Terminate(string text)
    {
        Antlr4.Runtime.IToken? last = null;
        foreach (var token in ScriptParser.Lex(text))
        {
            if (token.Channel == Antlr4.Runtime.Lexer.DefaultTokenChannel)
            {
                last = token;
            }
        }
        if (last is null || last.Type == ByzerLexer.SEMI)
        {
            return text;
        }
        return text.Insert(last.StopIndex + 1, ";");
    }

    private static string FillNamed(ByzerSession session, CommandStatement command, string template, IReadOnlyList<string> args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            var key = args[i];
            if (!key.StartsWith('-') || key.Length < 2)
            {
                throw ByzerException.Semantic(
                    $"expected a -key before '{key}' in the named arguments of !{command.Name.Text}",
                    command.Args[i].Span,
                    "named mode is written !cmd _ -key value -key2 value2");
            }
            if (i + 1 >= args.Count)
            {
                throw ByzerException.Semantic(
                    $"the named argument {key} of !{command.Name.Text} has no value",
                    command.Args[i].Span,
                    $"write {key} <value>");
            }
            named[key[1..]] = args[i + 1];
        }
        return new TemplateRenderer(session.Variables, named).Render(template);
    }

    private static string FillPositional(CommandStatement command, string template, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder(template.Length);
        var next = 0;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            var close = c == '{' && (i == 0 || template[i - 1] != '$') ? template.IndexOf('}', i + 1) : -1;
            if (close < 0 || !TryFill(template[(i + 1)..close], args, ref next, command, out var value))
            {
                sb.Append(c);
                i++;
                continue;
            }
            sb.Append(value);
            i = close + 1;
        }
        return sb.ToString();
    }

    private static bool TryFill(string inner, IReadOnlyList<string> args, ref int next, CommandStatement command, out string value)
    {
        value = "";
        if (inner.Length == 0)
        {
            if (next >= args.Count)
            {
                throw MissingArgument(command, next, args.Count, "{}");
            }
            value = args[next++];
            return true;
        }
        if (inner == ":all")
        {
            value = JsonSerializer.Serialize(args, JsonArgs);
            return true;
        }
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var indexText = colon < 0 ? inner : inner[..colon];
        if (!int.TryParse(indexText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            // Not a placeholder ({a: 1} in a JSON option, a regex quantifier, …): leave it as written.
            return false;
        }
        // Negative indexes count from the end ({-1} is the last argument).
        var actual = index < 0 ? args.Count + index : index;
        if (actual >= 0 && actual < args.Count)
        {
            value = args[actual];
            return true;
        }
        if (colon < 0)
        {
            throw MissingArgument(command, index, args.Count, "{" + inner + "}");
        }
        value = Default(inner[(colon + 1)..], args);
        return true;
    }

    private static string Default(string spec, IReadOnlyList<string> args)
    {
        spec = spec.Trim();
        if (spec == "uuid()")
        {
            return Guid.NewGuid().ToString("N");
        }
        if (spec.StartsWith("next(", StringComparison.Ordinal) && spec.EndsWith(')'))
        {
            var parts = spec[5..^1].Split(',', 2);
            var word = parts[0].Trim();
            for (var i = 0; i + 1 < args.Count; i++)
            {
                if (args[i] == word)
                {
                    return args[i + 1];
                }
            }
            return parts.Length > 1 ? Default(parts[1], args) : "";
        }
        return spec;
    }

    private static ByzerException MissingArgument(CommandStatement command, int index, int given, string placeholder) =>
        ByzerException.Semantic(
            $"!{command.Name.Text} needs argument {index} for {placeholder} but was given {given} argument{(given == 1 ? "" : "s")}",
            command.Span,
            "pass more arguments, or give the placeholder a default: {" + index + ":value}");
}
