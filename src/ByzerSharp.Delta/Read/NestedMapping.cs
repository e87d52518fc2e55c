using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Read;

/// <summary>
/// Column mapping inside nested values: struct fields are stored under their physical names at every level,
/// so structs are rebuilt with logical names (through arrays and maps too).
/// </summary>
internal static class NestedMapping
{
    public static bool HasStruct(DeltaType type) => type switch
    {
        StructType => true,
        ArrayType a => HasStruct(a.Element),
        MapType m => HasStruct(m.Key) || HasStruct(m.Value),
        _ => false,
    };

    /// <param name="depth">Nesting depth, so that lambda variables of nested lists never shadow each other.</param>
    public static string Rename(string expression, DeltaType type, string mode, int depth)
    {
        if (!HasStruct(type))
        {
            return expression;
        }
        var v = $"__cm{depth}";
        return type switch
        {
            StructType s => $"CASE WHEN {expression} IS NULL THEN NULL ELSE struct_pack("
                + string.Join(", ", s.Fields.Select(f => $"{Sql.Ident(f.Name)} := {Rename($"{expression}.{Sql.Ident(f.PhysicalName(mode))}", f.Type, mode, depth + 1)}"))
                + ") END",
            ArrayType a => $"list_transform({expression}, lambda {v}: {Rename(v, a.Element, mode, depth + 1)})",
            MapType m => $"map_from_entries(list_transform(map_entries({expression}), lambda {v}: struct_pack(\"key\" := {Rename(v + ".\"key\"", m.Key, mode, depth + 1)}, \"value\" := {Rename(v + ".\"value\"", m.Value, mode, depth + 1)})))",
            _ => expression,
        };
    }
}
