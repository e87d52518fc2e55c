using System.Globalization;
using System.Text;
using System.Text.Json;
using ByzerSharp.Diagnostics;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Syntax.Parsing;
using ByzerSharp.Text;

namespace ByzerSharp.Execution;

/// <summary>
/// Expands a user macro (<c>set m='''load csv.`{0}` as {1}''';</c> then <c>!m /a.csv t;</c>) into
/// statements. Positional: <c>{}</c>, <c>{n}</c>, <c>{n:default}</c>, <c>{:all}</c>; defaults may be
/// <c>uuid()</c> or <c>next(word,uuid())</c>. Named: <c>!m _ -key value</c> fills <c>${key}</c>.
/// </summary>
internal static class MacroExpander
{
    public static IReadOnlyList<string> Arguments(ByzerSession session, CommandStatement command) =>
        command.Args.Select(a => a.Quote == QuoteKind.None ? a.Text : session.Templates.Render(a.Text)).ToList();

    public static IReadOnlyList<Statement> Expand(ByzerSession session, CommandStatement command, string template)
    {
        var args = Arguments(session, command);
        string text;
        if (args.Count > 0 && args[0] == "_")
        {
            text = FillNamed(session, command, template, args);
        }
        else
        {
            text = FillPositional(command, template, args);
        }
        var file = new SourceFile($"<macro !{command.Name.Text}>", text) { ExpandedFrom = command.Span };
        return ScriptParser.Parse(file).Statements;
    }

    private static string FillNamed(ByzerSession session, CommandStatement command, string template, IReadOnlyList<string> args)
    {
        var named = new VariableStore(session.Options.Home, session.Options.Owner, session.Variables.Now);
        foreach (var v in session.Variables.All)
        {
            named.Put(v);
        }
        for (var i = 1; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith('-') || a.Length < 2)
            {
                throw ByzerException.Semantic($"expected a -key before '{a}' in named arguments", command.Args[i].Span, "named mode: !cmd _ -key value -key2 value2");
            }
            var value = i + 1 < args.Count ? args[i + 1] : "";
            named.Put(new Variable(a[1..], value));
            i++;
        }
        return new TemplateRenderer(named).Render(template);
    }

    private static string FillPositional(CommandStatement command, string template, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder(template.Length);
        var next = 0;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c != '{' || (i > 0 && template[i - 1] == '$'))
            {
                sb.Append(c);
                i++;
                continue;
            }
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                sb.Append(c);
                i++;
                continue;
            }
            var inner = template[(i + 1)..close];
            if (!TryFill(inner, args, ref next, out var value, command))
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

    private static bool TryFill(string inner, IReadOnlyList<string> args, ref int next, out string value, CommandStatement command)
    {
        value = "";
        if (inner.Length == 0)
        {
            if (next >= args.Count)
            {
                throw MissingArgument(command, next);
            }
            value = args[next++];
            return true;
        }
        if (inner == ":all")
        {
            value = JsonSerializer.Serialize(args);
            return true;
        }
        var colon = inner.IndexOf(':', StringComparison.Ordinal);
        var indexText = colon < 0 ? inner : inner[..colon];
        if (!int.TryParse(indexText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
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
            throw MissingArgument(command, index);
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

    private static ByzerException MissingArgument(CommandStatement command, int index) =>
        ByzerException.Semantic(
            $"!{command.Name.Text} needs argument {index} but was given {command.Args.Count}",
            command.Span,
            "pass more arguments, or give the placeholder a default: {" + index + ":value}");
}
