using ByzerSharp.Diagnostics;
using ByzerSharp.Plugins;
using ByzerSharp.Syntax.Ast;
using ByzerSharp.Text;

namespace ByzerSharp.ScriptUdf;

/// <summary>
/// The options of <c>register ScriptUDF.`table` as fn where …</c>, checked, with the code and where
/// it is written (null when it comes from a table or ${var} substitution changed it: then compile
/// errors point at the statement).
/// </summary>
internal sealed record ScriptUdfOptions(
    string Code,
    SourceSpan? CodeStart,
    SourceSpan CodeSpan,
    bool Aggregate,
    string? ClassName,
    string MethodName,
    SourceSpan MethodSpan,
    string CodeName)
{
    public const string Docs = "docs/scriptudf.md";

    public static ScriptUdfOptions Parse(RegisterContext context)
    {
        var options = context.Options;
        CheckLanguage(context);
        var aggregate = options.GetChoice("udfType", "udf", "udf", "udaf") == "udaf";
        var (code, codeStart, codeSpan) = ReadCode(context);
        // What compile errors call code that is not written in the script itself.
        var codeName = context.Options.Has("code") ? "the code" : $"the code in table {context.Path}";
        var className = options.Get("className") is { Length: > 0 } c ? c.Trim() : null;
        var method = (options.Get("methodName") ?? "apply").Trim();
        var methodSpan = options.Has("methodName") ? options.SpanOf("methodName") : codeSpan;
        // Byzer accepts methodName="Class.method" as well as className + methodName.
        if (className is null && method.LastIndexOf('.') is var dot and > 0)
        {
            className = method[..dot];
            method = method[(dot + 1)..];
        }
        if (method.Length == 0)
        {
            throw options.Invalid("methodName", options.Get("methodName") ?? "", "a method name, e.g. apply or MyClass.apply");
        }
        return new ScriptUdfOptions(code, codeStart, codeSpan, aggregate, className, method, methodSpan, codeName);
    }

    /// <summary>Only C# runs here: Scala, Java and Python UDFs have no runtime in ByzerSharp.</summary>
    private static void CheckLanguage(RegisterContext context)
    {
        var lang = context.Options.Get("lang")?.Trim();
        if (lang is not null && (lang.Equals("csharp", StringComparison.OrdinalIgnoreCase) || lang.Equals("c#", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        var span = lang is null ? context.Statement.Span : context.Options.SpanOf("lang");
        var what = lang is null ? "ScriptUDF without lang means lang=\"scala\" (Byzer's default)" : $"ScriptUDF lang=\"{lang}\" is not supported";
        throw ByzerException.Semantic(
            $"{what}: ByzerSharp runs UDFs written in C#",
            span,
            $"write the function in C# and add lang=\"csharp\"; {Docs} shows the C# forms of Scala/Python UDFs");
    }

    private static (string Code, SourceSpan? Start, SourceSpan Span) ReadCode(RegisterContext context)
    {
        if (context.Options.Get("code") is { } code)
        {
            var span = context.Options.SpanOf("code");
            return (code, MappableStart(context.Statement.Options.Find("code"), code), span);
        }
        var statement = context.Statement;
        if (context.Path.Length == 0)
        {
            throw ByzerException.Semantic(
                "code is required",
                statement.Span,
                "give the C# code in where code='''…''', or name a table holding it: register ScriptUDF.`table` as fn (load script.`var` as table)");
        }
        var table = context.Session.Catalog.Find(context.Path)
            ?? throw ByzerException.Semantic(
                $"Table or view not found: {context.Path}",
                statement.Path.Span,
                "without a code option, the path names a table whose first cell is the code (load script.`var` as table)");
        var first = context.Session.ReadTable(table.Name, maxRows: 1);
        if (first.Rows.Count == 0 || first.Columns.Count == 0 || first.Rows[0][0] is not string text)
        {
            throw ByzerException.Semantic(
                $"table {context.Path} holds no code: its first cell must be a string",
                statement.Path.Span,
                "load the code with: set code='''…'''; load script.`code` as table");
        }
        return (text, null, statement.Path.Span);
    }

    /// <summary>Where the code's first character is in the script, when the value is the script text itself.</summary>
    private static SourceSpan? MappableStart(OptionEntry? entry, string rendered)
    {
        if (entry is null || entry.Value != rendered)
        {
            return null;
        }
        var quote = entry.ValueSpan.Length == entry.Value.Length ? 0 : entry.Quote switch
        {
            QuoteKind.Triple => 3,
            QuoteKind.Single or QuoteKind.Double or QuoteKind.Backquote => 1,
            _ => 0,
        };
        return entry.ValueSpan.Slice(quote, 1);
    }
}
