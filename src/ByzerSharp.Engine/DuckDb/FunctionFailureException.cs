using System.Text.RegularExpressions;
using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.DuckDb;

/// <summary>
/// A query failed because a registered function threw: the caret goes on the function's call in the
/// statement (<c>ratio(</c>), not on the whole statement, when the call can be found there.
/// </summary>
public sealed class FunctionFailureException : ByzerException
{
    public FunctionFailureException(string function, string message, SourceSpan? span, string help, Exception? inner)
        : base(ErrorKind.Runtime, message, span is { } statement ? CallIn(statement, function) : null, help, inner) =>
        Function = function;

    /// <summary>The name the function is called by in SQL.</summary>
    public string Function { get; }

    public override ByzerException WithSpan(SourceSpan span) =>
        Span is null ? new FunctionFailureException(Function, Message, span, Hint!, InnerException) : this;

    private static SourceSpan CallIn(SourceSpan statement, string function)
    {
        var text = statement.File.Text.Substring(statement.Start, Math.Min(statement.Length, statement.File.Text.Length - statement.Start));
        var call = Regex.Match(text, @"(?<![\w.`])" + Regex.Escape(function) + @"\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return call.Success ? new SourceSpan(statement.File, statement.Start + call.Index, function.Length) : statement;
    }
}
