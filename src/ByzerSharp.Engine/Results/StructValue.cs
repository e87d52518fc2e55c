namespace ByzerSharp.Results;

/// <summary>
/// A struct value: its fields by name, in the struct's field order. A map reads as a plain
/// dictionary; the two differ in how Spark prints them (show(): {1, x} against {k -> v}; toJSON:
/// null struct fields left out, null map values kept), so readers that know the column's type mark
/// structs with this class.
/// </summary>
public sealed class StructValue : Dictionary<string, object?>
{
    public StructValue()
        : base(StringComparer.Ordinal)
    {
    }
}
