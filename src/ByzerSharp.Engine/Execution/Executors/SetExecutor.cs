using ByzerSharp.DataSources;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Planning;
using ByzerSharp.Results;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs <see cref="PlanSet"/>. Types: text (default), sql (first cell of the query), shell
/// (trimmed stdout), conf (a setting; the variable itself becomes ""), defaultParam (only if unset).
/// Options: mode (sql: runtime|compile), scope (request|session), visibility (all|un_select).
/// </summary>
internal static class SetExecutor
{
    public static readonly string[] Types = ["text", "sql", "shell", "conf", "defaultParam"];

    /// <summary>
    /// Executes the set. Byzer runs every set twice: in the preprocess pass (<paramref name="preprocess"/>,
    /// which is why a later text set is visible to earlier statements) and again in order when the
    /// script executes. Values that need work (runtime sql, shell, conf) are only placeholders ("")
    /// in the first pass, as in Byzer, so queries and commands run once.
    /// </summary>
    public static void Execute(ByzerSession session, SetStatement set, bool preprocess)
    {
        var options = session.RenderOptions(set.Options, set.Span, warn: !preprocess);
        var type = options.GetChoice("type", "text", Types);
        var mode = options.GetChoice("mode", "runtime", "runtime", "compile");
        var scope = options.GetChoice("scope", "request", "request", "session");
        var hidden = HiddenFromSelect(options);
        var deferred = type is "shell" or "conf" || (type == "sql" && mode == "runtime");
        if (preprocess && deferred)
        {
            session.Variables.Put(new Variable(set.Key, "", type, hidden));
            return;
        }
        var keepExisting = type == "defaultParam" || (!preprocess && type == "sql" && mode == "compile");
        if (keepExisting && session.Variables.Contains(set.Key))
        {
            // defaultParam never overwrites; a compile-mode sql keeps the value the preprocess pass computed.
            return;
        }
        // A text value is a template (it may be a macro body, or wait for a later set); its unknown
        // references are reported where the value is used. Commands and queries run now, so warn.
        var raw = session.Render(set.Value, set.ValueSpan, set.ValueQuote, warn: !preprocess && type is "sql" or "shell" or "conf");
        var value = type switch
        {
            "sql" => EvaluateSql(session, raw, set),
            "shell" => ShellRunner.Run(raw, set.ValueSpan),
            "conf" => ApplyConf(session, set, raw),
            _ => raw,
        };
        session.Variables.Put(new Variable(set.Key, value, type, hidden, scope == "session"));
        session.Variables.Rerender((text, forSelect) => session.Templates.Render(text, forSelect));
    }

    /// <summary>visibility is a comma list of all and un_select (Byzer's SetVisibilityParameter).</summary>
    private static bool HiddenFromSelect(OptionValues options)
    {
        if (options.Get("visibility") is not { } visibility)
        {
            return false;
        }
        var hidden = false;
        foreach (var part in visibility.Split(','))
        {
            switch (part.Trim().ToLowerInvariant())
            {
                case "un_select":
                    hidden = true;
                    break;
                case "all":
                    break;
                default:
                    throw options.Invalid("visibility", visibility, "all or un_select");
            }
        }
        return hidden;
    }

    private static string ApplyConf(ByzerSession session, SetStatement set, string value)
    {
        session.ApplySetting(set.Key, value, set.ValueSpan);
        return "";
    }

    private static string EvaluateSql(ByzerSession session, string sql, SetStatement set)
    {
        // Errors point inside the query, so hand the translator the span between the quotes.
        var quoteLength = set.ValueSpan.Length == set.Value.Length ? 0 : set.ValueQuote switch
        {
            QuoteKind.Triple => 3,
            QuoteKind.Single or QuoteKind.Double or QuoteKind.Backquote => 1,
            _ => 0,
        };
        var body = set.ValueSpan.Slice(quoteLength, set.Value.Length);
        var rewritten = SelectTranslator.Translate(session, sql, body).Sql;
        var table = session.Database.Query(rewritten, set.Key, set.ValueSpan, maxRows: 1);
        if (table.Rows.Count == 0 || table.Columns.Count == 0)
        {
            return "";
        }
        // Spark's Row.get(0).toString; a SQL NULL becomes the text null.
        return ValueText.Format(table.Rows[0][0]);
    }
}
