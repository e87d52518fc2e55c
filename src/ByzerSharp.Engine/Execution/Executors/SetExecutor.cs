using System.Diagnostics;
using System.Globalization;
using ByzerSharp.Diagnostics;
using ByzerSharp.DuckDb;
using ByzerSharp.Planning;
using ByzerSharp.Session;
using ByzerSharp.Syntax.Ast;

namespace ByzerSharp.Execution.Executors;

/// <summary>
/// Runs <see cref="PlanSet"/>. Types: text (default), sql (first cell of the query), shell
/// (trimmed stdout), conf (a setting; the variable itself becomes ""), defaultParam (only if unset).
/// </summary>
internal static class SetExecutor
{
    public static readonly string[] Types = ["text", "sql", "shell", "conf", "defaultParam"];

    /// <summary>
    /// Executes the set. In the preprocess pass (<paramref name="preprocess"/>) only values that
    /// need no execution are assigned, plus sql values with mode="compile".
    /// </summary>
    public static void Execute(ByzerSession session, SetStatement set, bool preprocess)
    {
        var options = session.RenderOptions(set.Options, set.Span);
        var type = options.GetChoice("type", "text", Types);
        var mode = options.GetChoice("mode", "runtime", "runtime", "compile");
        var scope = options.GetChoice("scope", "request", "request", "session");
        var hidden = string.Equals(options.Get("visibility"), "un_select", StringComparison.OrdinalIgnoreCase);
        if (preprocess && (type is "shell" or "conf" || (type == "sql" && mode != "compile")))
        {
            return;
        }
        if (!preprocess && type == "sql" && mode == "compile" && session.Variables.Contains(set.Key))
        {
            // Evaluated once in the preprocess pass; the physical pass keeps that value.
            return;
        }
        var raw = session.Render(set.Value, set.ValueSpan, set.ValueQuote);
        string value;
        switch (type)
        {
            case "defaultParam":
                if (session.Variables.Contains(set.Key))
                {
                    return;
                }
                value = raw;
                break;
            case "sql":
                value = EvaluateSql(session, raw, set);
                break;
            case "shell":
                value = RunShell(raw, set);
                break;
            case "conf":
                session.ApplySetting(set.Key, raw, set.ValueSpan);
                value = "";
                break;
            default:
                value = raw;
                break;
        }
        session.Variables.Put(new Variable(set.Key, value, type, hidden, scope == "session"));
        session.Variables.Rerender((text, forSelect) => session.Templates.Render(text, forSelect));
    }

    private static string EvaluateSql(ByzerSession session, string sql, SetStatement set)
    {
        var rewritten = SelectTranslator.Translate(session, sql, set.ValueSpan).Sql;
        var table = session.Database.Query(rewritten, set.Key, set.ValueSpan, maxRows: 1);
        if (table.Rows.Count == 0 || table.Columns.Count == 0)
        {
            return "";
        }
        return Format(table.Rows[0][0]);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero && dt.Kind == DateTimeKind.Unspecified
            ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string RunShell(string command, SetStatement set)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using var process = Process.Start(info) ?? throw ByzerException.Runtime("could not start /bin/sh", set.ValueSpan);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw ByzerException.Runtime(
                $"shell command exited with code {process.ExitCode}: {stderr.Result.Trim()}",
                set.ValueSpan,
                "the value of a type=\"shell\" set runs with /bin/sh -c");
        }
        return stdout.Result.Trim();
    }
}
