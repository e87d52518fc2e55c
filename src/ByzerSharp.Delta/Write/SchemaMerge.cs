using ByzerSharp.Delta.Schema;

namespace ByzerSharp.Delta.Write;

/// <summary>
/// Spark Delta's SchemaMergingUtils.mergeSchemas: existing fields keep their order, casing, nullability and
/// metadata; new fields are appended at the end of their struct (recursively); byte/short/int may mix (the
/// widest wins); void absorbs anything; any other type difference is an error.
/// </summary>
public static class SchemaMerge
{
    public static StructType Merge(StructType table, StructType data) => MergeStruct(table, data, "");

    private static StructType MergeStruct(StructType table, StructType data, string prefix)
    {
        var fields = new List<StructField>();
        foreach (var field in table.Fields)
        {
            var incoming = data.Find(field.Name);
            fields.Add(incoming is null ? field : field with { Type = MergeType(field.Type, incoming.Type, prefix + field.Name) });
        }
        foreach (var field in data.Fields)
        {
            if (table.Find(field.Name) is null)
            {
                fields.Add(field);
            }
        }
        return new StructType(fields);
    }

    private static DeltaType MergeType(DeltaType current, DeltaType update, string path)
    {
        switch (current, update)
        {
            case (StructType a, StructType b):
                return MergeStruct(a, b, path + ".");
            case (ArrayType a, ArrayType b):
                return a with { Element = MergeType(a.Element, b.Element, path + ".element") };
            case (MapType a, MapType b):
                return a with { Key = MergeType(a.Key, b.Key, path + ".key"), Value = MergeType(a.Value, b.Value, path + ".value") };
            case (PrimitiveType { Name: "void" }, _):
                return update;
            case (_, PrimitiveType { Name: "void" }):
                return current;
            case (PrimitiveType a, PrimitiveType b) when a.Name == b.Name:
                return current;
            case (PrimitiveType a, PrimitiveType b) when Rank(a.Name) > 0 && Rank(b.Name) > 0:
                return Rank(a.Name) >= Rank(b.Name) ? a : b;
            default:
                throw new DeltaException(DeltaErrorKind.Usage,
                    $"[DELTA_MERGE_INCOMPATIBLE_DATATYPE] Failed to merge incompatible data types {Describe(current)} and {Describe(update)} for column {path}",
                    "cast the column to the table's type before saving, or save overwrite with overwriteSchema=\"true\" to replace the schema");
        }
    }

    /// <summary>Parquet stores byte, short and int alike, so they may be mixed.</summary>
    private static int Rank(string name) => name switch
    {
        "byte" => 1,
        "short" => 2,
        "integer" => 3,
        _ => 0,
    };

    public static string Describe(DeltaType type) => type switch
    {
        PrimitiveType p => p.Name,
        ArrayType a => $"array<{Describe(a.Element)}>",
        MapType m => $"map<{Describe(m.Key)},{Describe(m.Value)}>",
        StructType s => "struct<" + string.Join(",", s.Fields.Select(f => f.Name + ":" + Describe(f.Type))) + ">",
        _ => type.ToString(),
    };
}
