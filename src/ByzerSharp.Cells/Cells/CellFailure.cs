using System.Reflection;
using ByzerSharp.Diagnostics;
using ByzerSharp.Scripting;
using ByzerSharp.Text;

namespace ByzerSharp.Cells;

/// <summary>Turns an exception thrown by cell code into an error naming the cell and the script line it came from.</summary>
internal static class CellFailure
{
    public static ByzerException From(Exception exception, string cellName, SourceSpan codeSpan, SourceSpan fallback)
    {
        var e = Unwrap(exception);
        if (e is ByzerException byzer)
        {
            return byzer;
        }
        var at = SourceMap.Locate(e, codeSpan.File);
        var where = at is { } s ? $" at line {s.Line}" : "";
        return ByzerException.Runtime(
            $"C# cell {cellName} failed{where}: {e.GetType().Name}: {e.Message}",
            at ?? fallback,
            e is Tables.CellDataException
                ? "make the rows the cell returns match the declared schema (#%schema or !python conf \"schema=…\")"
                : "fix the cell's code; the line shown is where the exception was thrown",
            e);
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    e = aggregate.InnerExceptions[0];
                    break;
                default:
                    return e;
            }
        }
    }
}
