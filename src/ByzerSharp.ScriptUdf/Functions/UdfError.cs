using ByzerSharp.DuckDb;
using ByzerSharp.Scripting;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>How an exception thrown by UDF code is reported in the failed query's message.</summary>
internal static class UdfError
{
    /// <summary>The exception the user's code threw, not the reflection or type-initialiser wrapper around it.</summary>
    public static Exception Cause(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException or TypeInitializationException && e.InnerException is { } inner)
        {
            e = inner;
        }
        return e;
    }

    /// <summary>"DivideByZeroException: …" on one line: the diagnostic's header is one line, so a multi-line message is joined.</summary>
    public static string Describe(Exception e)
    {
        var cause = Cause(e);
        // .NET's text for the stack guard (see RecursionGuard) is long and vague.
        var text = cause is InsufficientExecutionStackException ? "the recursion went too deep for the thread's stack" : cause.Message;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"{cause.GetType().Name}: {string.Join(" ", lines)}";
    }

    /// <summary>"fn failed at test.byzer:3:9: DivideByZeroException: …" when the throwing line is in the script.</summary>
    /// <param name="rerun">the same failure raised through calls that keep the user's stack frames</param>
    public static string Describe(ScalarUdf udf, Exception e, Exception? rerun) => Describe(udf.Name, udf.Script, e, rerun, udf.Method);

    /// <inheritdoc cref="Describe(ScalarUdf, Exception, Exception?)"/>
    /// <param name="declared">the user's method, whose declaration the help names when no line of the code threw</param>
    public static string Describe(string name, Text.SourceFile? script, Exception e, Exception? rerun, System.Reflection.MethodBase? declared = null)
    {
        var cause = Cause(e);
        var again = rerun is null ? null : Cause(rerun);
        var where = again is not null && again.GetType() == cause.GetType() ? again : cause;
        var span = script is { } file ? SourceMap.Locate(where, file) : null;
        var message = $"{name} failed{(span is { } at ? $" at {at}" : "")}: {Describe(e)}";
        var declaration = span is null && script is { } source && declared is not null ? SourceMap.DeclarationOf(declared, source) : null;
        return FunctionFailures.Report(name, message, Help(name, cause, span is not null, declaration));
    }

    private static string Help(string name, Exception cause, bool located, Text.SourceSpan? declaration) => cause switch
    {
        InsufficientExecutionStackException =>
            $"{name} recursed too deeply; limit its recursion depth or rewrite the recursion as a loop",
        _ when located => $"fix {name} at that line, or filter out the rows that make it throw before calling it",
        _ when declaration is { } at => $"fix the declared types of {name} at {at}, or filter out the rows that make it fail before calling it",
        _ => $"fix {name}'s code or declared types, or filter out the rows that make it fail before calling it",
    };
}
