using ByzerSharp.Diagnostics;
using ByzerSharp.Text;

namespace ByzerSharp.Delta.Byzer;

/// <summary>Turns Delta errors into Byzer errors at the place in the script that caused them.</summary>
internal static class DeltaErrors
{
    public static ByzerException ToByzer(DeltaException e, SourceSpan? span) =>
        e.Kind == DeltaErrorKind.Usage
            ? new ByzerException(ErrorKind.Semantic, e.Message, span, e.Hint, e)
            : new ByzerException(ErrorKind.Runtime, e.Message, span, e.Hint, e);

    /// <summary>Runs <paramref name="action"/>, reporting Delta and DuckDB failures at <paramref name="span"/>.</summary>
    public static T Guard<T>(SourceSpan? span, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DeltaException e)
        {
            throw ToByzer(e, span);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw DuckDb.Database.Translate(e, span);
        }
        catch (IOException e)
        {
            throw ByzerException.Runtime(e.Message, span, "check the table folder and its permissions", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw ByzerException.Runtime(e.Message, span, "check the table folder and its permissions", e);
        }
    }
}
