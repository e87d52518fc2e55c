namespace ByzerSharp.Delta.Write;

/// <summary>Spark's save modes.</summary>
public enum WriteMode
{
    ErrorIfExists,
    Append,
    Overwrite,
    Ignore,
}
