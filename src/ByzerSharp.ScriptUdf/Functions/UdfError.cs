using ByzerSharp.Scripting;

namespace ByzerSharp.ScriptUdf.Functions;

/// <summary>How an exception thrown by UDF code is reported in the failed query's message.</summary>
internal static class UdfError
{
    public static string Describe(Exception e)
    {
        var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
        return $"{inner.GetType().Name}: {inner.Message}";
    }

    /// <summary>"fn failed at test.byzer:3:9: DivideByZeroException: …" when the throwing line is in the script.</summary>
    /// <param name="rerun">the same failure raised through calls that keep the user's stack frames</param>
    public static string Describe(ScalarUdf udf, Exception e, Exception? rerun) => Describe(udf.Name, udf.Script, e, rerun);

    /// <inheritdoc cref="Describe(ScalarUdf, Exception, Exception?)"/>
    public static string Describe(string name, Text.SourceFile? script, Exception e, Exception? rerun)
    {
        var where = rerun is not null && rerun.GetType() == e.GetType() ? rerun : e;
        var at = script is { } file && SourceMap.Locate(where, file) is { } span ? $" at {span}" : "";
        return $"{name} failed{at}: {Describe(e)}";
    }
}
